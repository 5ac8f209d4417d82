#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| alexa_fuzz::fluent_format(data));
