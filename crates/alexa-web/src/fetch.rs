//! Fetching a certificate chain: over HTTPS with a short timeout and a size cap, or, in
//! tests, from wherever the test says.

use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A boxed future borrowing from the fetcher.
pub type FetchFuture<'a> = Pin<Box<dyn Future<Output = Result<Vec<u8>, String>> + Send + 'a>>;

/// Gets the PEM bytes at a checked certificate URL. Injectable through the library so tests
/// can serve their own chains; the shipped binaries use [`HttpsFetcher`].
pub trait CertFetcher: Send + Sync + 'static {
    /// The bytes at `url` (already checked by [`cert_url::check`](crate::cert_url::check)).
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a>;
}

/// The largest chain accepted: Amazon's is about 5 KB.
pub const MAX_CHAIN_BYTES: usize = 64 * 1024;

/// Fetches over HTTPS (rustls, the Mozilla roots), 3 s at most, 64 KB at most, no redirects.
#[derive(Debug, Clone)]
pub struct HttpsFetcher {
    client: reqwest::Client,
}

impl Default for HttpsFetcher {
    fn default() -> Self {
        let client = reqwest::Client::builder()
            .timeout(Duration::from_secs(3))
            .redirect(reqwest::redirect::Policy::none())
            .https_only(true)
            .build()
            .expect("a TLS client with built-in settings");
        Self { client }
    }
}

impl CertFetcher for HttpsFetcher {
    fn fetch<'a>(&'a self, url: &'a str) -> FetchFuture<'a> {
        Box::pin(async move {
            let response = self
                .client
                .get(url)
                .send()
                .await
                .map_err(|e| e.to_string())?;
            if !response.status().is_success() {
                return Err(format!("HTTP {}", response.status()));
            }
            if response
                .content_length()
                .is_some_and(|n| n as usize > MAX_CHAIN_BYTES)
            {
                return Err("the chain is larger than 64 KB".to_owned());
            }
            let bytes = response.bytes().await.map_err(|e| e.to_string())?;
            if bytes.len() > MAX_CHAIN_BYTES {
                return Err("the chain is larger than 64 KB".to_owned());
            }
            Ok(bytes.to_vec())
        })
    }
}
