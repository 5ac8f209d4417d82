//! No two modules of a crate import each other, in any crate of the workspace: each file
//! can be read knowing only what it imports. A module is a file or folder directly under
//! `src/`; an import is a `crate::<module>` path in its code (tests excluded).

use end_to_end::root;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// `crate::` paths in `text`, by the top-level module they name.
fn imports(text: &str) -> BTreeSet<String> {
    let code = text.split("#[cfg(test)]").next().unwrap_or(text);
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue; // `alexa_crate::...` and the like
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            for part in inner.split(',') {
                let name: String = part
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                found.insert(name);
            }
        } else {
            found.insert(
                rest.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect(),
            );
        }
    }
    found
}

fn rust_files(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// Each top-level module of the crate at `src` and the others it imports.
fn graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let module_of = |path: &Path| {
        let relative = path.strip_prefix(src).expect("found under src");
        let first = relative
            .components()
            .next()
            .expect("a path below src")
            .as_os_str()
            .to_string_lossy()
            .into_owned();
        first.trim_end_matches(".rs").to_owned()
    };
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in &files {
        let module = module_of(path);
        if ["lib", "main", "bin"].contains(&module.as_str()) {
            continue;
        }
        let text =
            std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        graph
            .entry(module.clone())
            .or_default()
            .extend(imports(&text).into_iter().filter(|m| *m != module));
    }
    let modules: BTreeSet<String> = graph.keys().cloned().collect();
    for imported in graph.values_mut() {
        imported.retain(|m| modules.contains(m));
    }
    graph
}

/// The first cycle found, as the modules along it.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit<'a>(
        module: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|m| *m == module) {
            let mut found: Vec<String> = path[at..].iter().map(|m| m.to_string()).collect();
            found.push(module.to_owned());
            return Some(found);
        }
        if !done.insert(module) {
            return None;
        }
        path.push(module);
        for next in &graph[module] {
            if let Some(found) = visit(next, graph, path, done) {
                return Some(found);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|m| visit(m, graph, &mut Vec::new(), &mut done))
}

#[test]
fn no_crate_of_the_workspace_has_modules_that_import_each_other() {
    let mut checked = 0;
    let folders = ["crates", "voiceops"].map(|group| root().join(group));
    let crate_dirs = folders.iter().flat_map(|group| {
        std::fs::read_dir(group)
            .unwrap_or_else(|e| panic!("{}: {e}", group.display()))
            .map(|entry| entry.expect("a directory entry").path())
    });
    for dir in crate_dirs.chain([root().join("fuzz")]) {
        let src = dir.join("src");
        if !src.join("lib.rs").exists() {
            continue;
        }
        let graph = graph(&src);
        assert_eq!(cycle(&graph), None, "{} has an import cycle", src.display());
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} crates found");
}

#[test]
fn the_check_sees_a_cycle_when_there_is_one() {
    let graph: BTreeMap<String, BTreeSet<String>> =
        [("skill", "state"), ("state", "config"), ("config", "skill")]
            .into_iter()
            .map(|(a, b)| (a.to_owned(), BTreeSet::from([b.to_owned()])))
            .collect();
    assert_eq!(
        cycle(&graph),
        Some(vec![
            "config".into(),
            "skill".into(),
            "state".into(),
            "config".into()
        ])
    );
    assert_eq!(
        imports("use crate::{a::B, c};\nlet x = crate::d::e();\nalexa_crate::f"),
        BTreeSet::from(["a".into(), "c".into(), "d".into()])
    );
}
