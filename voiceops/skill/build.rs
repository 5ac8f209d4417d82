//! Links the `voiceops-skill` tool for a light cold start: the functions an `invoke` runs
//! placed together, and its relative relocations packed (RELR) where the C library it is
//! built against can apply them. Both only shape the link; the code is the same.
//!
//! `invoke-first.ld` (written by `scripts/order-invoke`) lists the functions a cold `invoke`
//! runs as section patterns; the linker puts them at the start of the code. Left where the
//! compiler put them, the ~250 pages they take lie across 11 MB of code and the kernel, which
//! maps 64 KB around each page fault, kept 4.5 MB of code resident for a launch; together
//! they need about 1 MB. A pattern that matches nothing is ignored, so a stale script only
//! places less together. Linkers that take no such script (mold) are left alone.
//!
//! A position-independent binary carries one 24-byte relocation per pointer in its constant
//! data (vtables, string tables): 35,000 of them here, 830 KB the loader reads in full at each
//! start, which made up 0.9 MB of a cold `invoke`'s 9.8 MB (docs/performance.md). RELR encodes
//! the same relocations in 10 KB. glibc applies RELR from 2.36 on and the linker marks the
//! binary as needing it, so a build for an older glibc keeps the plain table; a cross build is
//! left alone too, since this machine's glibc says nothing about the target's. The deployed
//! `voiceops-lambda`, built for Lambda's glibc, is not touched.

use std::process::Command;

/// The first glibc that applies packed relative relocations.
const RELR_SINCE: (u32, u32) = (2, 36);

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=invoke-first.ld");
    println!("cargo:rerun-if-env-changed=CARGO_ENCODED_RUSTFLAGS");
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    if !target.ends_with("-linux-gnu") {
        return;
    }
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    if !flags.contains("mold") {
        // Read when the script runs, not when it is compiled: a target folder shared between
        // clones reuses the compiled script, and the path it was compiled in may be gone.
        let package = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default();
        let script = std::path::Path::new(&package).join("invoke-first.ld");
        println!(
            "cargo:rustc-link-arg-bin=voiceops-skill=-Wl,-T,{}",
            script.display()
        );
    }
    if target != host {
        return;
    }
    if host_glibc().is_some_and(|version| version >= RELR_SINCE) {
        println!("cargo:rustc-link-arg-bin=voiceops-skill=-Wl,-z,pack-relative-relocs");
    }
}

/// This machine's glibc version, from `getconf GNU_LIBC_VERSION` ("glibc 2.36").
fn host_glibc() -> Option<(u32, u32)> {
    let out = Command::new("getconf")
        .arg("GNU_LIBC_VERSION")
        .output()
        .ok()?;
    parse_glibc(std::str::from_utf8(&out.stdout).ok()?)
}

fn parse_glibc(text: &str) -> Option<(u32, u32)> {
    let version = text.trim().strip_prefix("glibc ")?;
    let mut parts = version.split('.');
    let major = parts.next()?.parse().ok()?;
    let minor = parts.next()?.parse().ok()?;
    Some((major, minor))
}
