//! The end-to-end tests, one module per subject, linked into one binary: each binary links
//! the AWS SDK and the whole skill, so one per file costs
//! gigabytes of disk and a minute of linking for nothing. Run one subject with
//! `cargo test -p end-to-end --test end_to_end local_lambda::`.

mod common;

mod apl_renderer;
mod ask_sdk_model;
mod aws_emulator;
mod aws_faults;
mod bad_input;
mod cli_emulator;
mod deploy_template;
mod dynamodb_store;
mod local_lambda;
mod module_graph;
mod organization_emulator;
mod phrasings_virtual_alexa;
mod services_model;
mod smapi_model;
mod web_console;
mod webservice_peer;
