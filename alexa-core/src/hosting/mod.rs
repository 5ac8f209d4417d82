//! Hosts: where requests come from. Lambda now (feature `lambda`); the HTTPS web service
//! with signature verification on the raw body comes next, beside it.

#[cfg(feature = "lambda")]
pub mod lambda;
