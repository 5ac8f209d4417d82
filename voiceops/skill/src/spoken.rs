//! How AWS's written names are said aloud: permissions and database engines. Not
//! sentences (those are in `locales/`), and the same in every language.

/// `ec2:DescribeInstances` -> "e c 2 describe instances".
pub fn spoken_permission(permission: &str) -> String {
    let (service, action) = permission.split_once(':').unwrap_or(("", permission));
    let service: Vec<String> = service
        .chars()
        .map(|c| c.to_ascii_lowercase().to_string())
        .collect();
    let mut action_words = String::new();
    for (i, ch) in action.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            action_words.push(' ');
        }
        action_words.push(ch.to_ascii_lowercase());
    }
    format!(
        "{} {}",
        service.join(" "),
        action_words.replace("d b", "db")
    )
}

/// An RDS engine's spoken name: "aurora-postgresql" -> "Aurora PostgreSQL".
pub fn spoken_engine(engine: &str) -> String {
    match engine {
        "postgres" => "PostgreSQL".into(),
        "mysql" => "MySQL".into(),
        "mariadb" => "MariaDB".into(),
        "aurora-postgresql" => "Aurora PostgreSQL".into(),
        "aurora-mysql" | "aurora" => "Aurora MySQL".into(),
        e if e.starts_with("oracle") => "Oracle".into(),
        e if e.starts_with("sqlserver") => "SQL Server".into(),
        e if e.starts_with("db2") => "D B 2".into(),
        other => other.replace('-', " "),
    }
}
