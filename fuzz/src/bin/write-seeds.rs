//! `write-seeds DIR`: writes every target's seeds and regressions into `DIR/<target>/`, the
//! corpus folders cargo-fuzz starts from.

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: write-seeds DIR");
        std::process::exit(2);
    };
    for (name, _) in alexa_fuzz::TARGETS {
        let folder = std::path::Path::new(&dir).join(name);
        if let Err(err) = std::fs::create_dir_all(&folder) {
            eprintln!("write-seeds: {}: {err}", folder.display());
            std::process::exit(1);
        }
        let inputs = alexa_fuzz::seeds(name)
            .into_iter()
            .chain(alexa_fuzz::regressions(name));
        for (i, input) in inputs.enumerate() {
            let path = folder.join(format!("seed-{i:03}"));
            if let Err(err) = std::fs::write(&path, input) {
                eprintln!("write-seeds: {}: {err}", path.display());
                std::process::exit(1);
            }
        }
    }
}
