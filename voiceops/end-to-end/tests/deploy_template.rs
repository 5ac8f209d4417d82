//! template.yaml: what cfn-lint checks (it runs here, pinned at 1.53.3), and what it cannot:
//! the exact IAM actions, the timeout against Alexa's 8 s and the code's own deadlines.

use serde_yaml_ng::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::process::Command;
use voiceops_skill::config::LAMBDA_DEADLINE;
use voiceops_skill::inventory::Timing;

fn template_path() -> PathBuf {
    end_to_end::root().join("voiceops/template.yaml")
}

fn template() -> Value {
    serde_yaml_ng::from_str(&std::fs::read_to_string(template_path()).unwrap())
        .expect("template.yaml is YAML")
}

/// `!Ref Name` as the YAML parser sees it.
fn is_ref(value: &Value, name: &str) -> bool {
    match value {
        Value::Tagged(t) => t.tag == "Ref" && t.value.as_str() == Some(name),
        Value::Mapping(m) => m.get("Ref").and_then(Value::as_str) == Some(name),
        _ => false,
    }
}

fn functions(t: &Value) -> Vec<&Value> {
    t["Resources"]
        .as_mapping()
        .unwrap()
        .values()
        .filter(|r| r["Type"].as_str() == Some("AWS::Serverless::Function"))
        .collect()
}

#[test]
fn the_function_reads_the_estate_and_only_reads_and_writes_items_of_its_table() {
    let t = template();
    let fns = functions(&t);
    assert_eq!(fns.len(), 1, "one function");
    let policies = fns[0]["Properties"]["Policies"]
        .as_sequence()
        .expect("inline policies");
    let mut estate = BTreeSet::new();
    let mut table = BTreeSet::new();
    let mut conditional = Vec::new();
    for policy in policies {
        if let Value::Tagged(tag) = policy {
            assert_eq!(tag.tag, "!If", "only a conditional policy may be tagged");
            conditional.push(&tag.value);
            continue;
        }
        let statements = policy["Statement"]
            .as_sequence()
            .expect("a policy document, not a managed policy name");
        for statement in statements {
            assert_eq!(statement["Effect"].as_str(), Some("Allow"));
            let into = match &statement["Resource"] {
                Value::String(any) if any == "*" => &mut estate,
                Value::Tagged(tag) if tag.tag == "!GetAtt" => {
                    assert_eq!(tag.value.as_str(), Some("AttributesTable.Arn"));
                    &mut table
                }
                other => panic!("unexpected resource {other:?}"),
            };
            for action in statement["Action"].as_sequence().unwrap() {
                into.insert(action.as_str().unwrap().to_owned());
            }
        }
    }
    assert_eq!(
        conditional.len(),
        2,
        "one policy for the organization, one for notifications"
    );
    let when = |name: &str| {
        *conditional
            .iter()
            .find(|branches| branches[0].as_str() == Some(name))
            .unwrap_or_else(|| panic!("a policy under {name}"))
    };
    across_accounts_only_when_a_member_role_is_named(&t, when("AcrossAccounts"));
    the_skill_credentials_secret_only_when_one_is_named(&t, when("Notifications"));
    let expected: BTreeSet<String> = [
        "ec2:DescribeInstances",
        "ec2:DescribeRegions",
        "rds:DescribeDBInstances",
        "rds:DescribeDBClusters",
    ]
    .map(String::from)
    .into();
    assert_eq!(
        estate, expected,
        "EC2 Describe* only takes *, so only reads go there"
    );
    let items: BTreeSet<String> = ["dynamodb:GetItem", "dynamodb:PutItem"]
        .map(String::from)
        .into();
    assert_eq!(
        table, items,
        "item reads and writes on its own table, nothing else"
    );
    assert!(t["Resources"]
        .as_mapping()
        .unwrap()
        .values()
        .all(|r| r["Type"].as_str() != Some("AWS::IAM::Role")));
}

/// The notifications' policy: present only under `Notifications` (a secret ARN was given),
/// it reads exactly that secret; the rule that sends stop events and its permission to
/// invoke the function exist under the same condition, and nothing else may invoke it.
fn the_skill_credentials_secret_only_when_one_is_named(t: &Value, branches: &Value) {
    let Value::Tagged(not) = &t["Conditions"]["Notifications"] else {
        panic!("Notifications is a condition");
    };
    assert_eq!(not.tag, "!Not");
    let Value::Tagged(equals) = &not.value[0] else {
        panic!("!Not [!Equals ...]");
    };
    assert!(is_ref(&equals.value[0], "SkillCredentialsSecretArn"));
    assert_eq!(equals.value[1].as_str(), Some(""));
    let statements = branches[1]["Statement"].as_sequence().unwrap();
    assert_eq!(statements.len(), 1);
    assert_eq!(statements[0]["Effect"].as_str(), Some("Allow"));
    assert_eq!(
        statements[0]["Action"].as_sequence().unwrap(),
        &[Value::from("secretsmanager:GetSecretValue")]
    );
    assert!(
        is_ref(&statements[0]["Resource"], "SkillCredentialsSecretArn"),
        "that secret and no other"
    );
    assert!(is_ref(&branches[2], "AWS::NoValue"));

    let resources = t["Resources"].as_mapping().unwrap();
    let rule = &t["Resources"]["InstanceStoppedRule"];
    assert_eq!(rule["Type"].as_str(), Some("AWS::Events::Rule"));
    assert_eq!(rule["Condition"].as_str(), Some("Notifications"));
    let pattern = &rule["Properties"]["EventPattern"];
    assert_eq!(pattern["source"][0].as_str(), Some("aws.ec2"));
    assert_eq!(
        pattern["detail-type"][0].as_str(),
        Some("EC2 Instance State-change Notification")
    );
    assert_eq!(
        pattern["detail"]["state"].as_sequence().unwrap(),
        &[Value::from("stopped")],
        "stops only"
    );
    let target = &rule["Properties"]["Targets"][0]["Arn"];
    assert!(
        matches!(target, Value::Tagged(tag) if tag.value.as_str() == Some("VoiceOpsFunction.Arn"))
    );
    let permissions: Vec<&Value> = resources
        .values()
        .filter(|r| r["Type"].as_str() == Some("AWS::Lambda::Permission"))
        .collect();
    assert_eq!(permissions.len(), 1, "only the rule is added as an invoker");
    let p = &permissions[0];
    assert_eq!(p["Condition"].as_str(), Some("Notifications"));
    assert_eq!(
        p["Properties"]["Action"].as_str(),
        Some("lambda:InvokeFunction")
    );
    assert_eq!(
        p["Properties"]["Principal"].as_str(),
        Some("events.amazonaws.com")
    );
    assert!(
        matches!(&p["Properties"]["SourceArn"], Value::Tagged(tag) if tag.value.as_str() == Some("InstanceStoppedRule.Arn"))
    );
    let env = &functions(t)[0]["Properties"]["Environment"]["Variables"];
    assert!(is_ref(
        &env["VOICEOPS_SKILL_CREDENTIALS_SECRET"],
        "SkillCredentialsSecretArn"
    ));
    assert!(is_ref(&env["VOICEOPS_NOTIFY_STAGE"], "NotificationStage"));
}

/// The organization's policy: present only under `AcrossAccounts` (a member role name was
/// given), it assumes exactly that role name in any account and lists the accounts.
fn across_accounts_only_when_a_member_role_is_named(t: &Value, branches: &Value) {
    let [condition, when, otherwise] = branches.as_sequence().unwrap().as_slice() else {
        panic!("!If takes a condition and two branches: {branches:?}");
    };
    assert_eq!(condition.as_str(), Some("AcrossAccounts"));
    assert!(
        is_ref(otherwise, "AWS::NoValue"),
        "nothing without a role name"
    );
    let rule = &t["Conditions"]["AcrossAccounts"];
    let Value::Tagged(not) = rule else {
        panic!("AcrossAccounts: {rule:?}")
    };
    assert_eq!(not.tag, "!Not");
    let equals = &not.value[0];
    let Value::Tagged(equals) = equals else {
        panic!("{equals:?}")
    };
    assert!(is_ref(&equals.value[0], "MemberRoleName"));
    assert_eq!(equals.value[1].as_str(), Some(""));
    assert_eq!(
        t["Parameters"]["MemberRoleName"]["Default"].as_str(),
        Some("")
    );
    let statements = when["Statement"].as_sequence().unwrap();
    let mut granted = BTreeSet::new();
    for statement in statements {
        assert_eq!(statement["Effect"].as_str(), Some("Allow"));
        let actions: Vec<&str> = statement["Action"]
            .as_sequence()
            .unwrap()
            .iter()
            .map(|a| a.as_str().unwrap())
            .collect();
        match actions.as_slice() {
            ["sts:AssumeRole"] => {
                let Value::Tagged(sub) = &statement["Resource"] else {
                    panic!("AssumeRole on {:?}", statement["Resource"])
                };
                assert_eq!(sub.tag, "!Sub");
                assert_eq!(
                    sub.value.as_str(),
                    Some("arn:${AWS::Partition}:iam::*:role/${MemberRoleName}"),
                    "exactly the configured role name, in any account"
                );
            }
            ["organizations:ListAccounts"] => {
                assert_eq!(statement["Resource"].as_str(), Some("*"));
            }
            other => panic!("unexpected actions {other:?}"),
        }
        granted.extend(actions);
    }
    assert_eq!(
        granted,
        BTreeSet::from(["sts:AssumeRole", "organizations:ListAccounts"])
    );
    let env = &functions(t)[0]["Properties"]["Environment"]["Variables"];
    assert!(is_ref(&env["VOICEOPS_ROLE_NAME"], "MemberRoleName"));
    let output = &t["Outputs"]["FunctionRoleArn"]["Value"];
    let Value::Tagged(get_att) = output else {
        panic!("FunctionRoleArn: {output:?}")
    };
    assert_eq!(get_att.value.as_str(), Some("VoiceOpsFunctionRole.Arn"));
}

#[test]
fn the_attributes_table_is_on_demand_expires_old_entries_and_is_the_functions_store() {
    let t = template();
    let table = &t["Resources"]["AttributesTable"];
    assert_eq!(table["Type"].as_str(), Some("AWS::DynamoDB::Table"));
    let p = &table["Properties"];
    assert_eq!(p["BillingMode"].as_str(), Some("PAY_PER_REQUEST"));
    assert_eq!(
        p["KeySchema"][0]["AttributeName"].as_str(),
        Some(alexa_store_dynamodb::KEY)
    );
    let ttl = &p["TimeToLiveSpecification"];
    assert_eq!(
        ttl["AttributeName"].as_str(),
        Some(alexa_store_dynamodb::EXPIRES_AT)
    );
    assert_eq!(ttl["Enabled"].as_bool(), Some(true));
    let store = &functions(&t)[0]["Properties"]["Environment"]["Variables"]["VOICEOPS_STORE"];
    match store {
        Value::Tagged(tag) => assert_eq!(tag.value.as_str(), Some("dynamodb:${AttributesTable}")),
        other => panic!("VOICEOPS_STORE is {other:?}"),
    }
}

#[test]
fn alexa_hears_an_answer_in_time_and_a_stop_event_may_wait_out_its_window() {
    let t = template();
    let p = &functions(&t)[0]["Properties"];
    let timeout = p["Timeout"].as_u64().expect("a timeout in seconds");
    assert!(
        LAMBDA_DEADLINE < std::time::Duration::from_secs(8),
        "Alexa waits about 8 s: the apology must come first"
    );
    assert!(
        Timing::default().overall < LAMBDA_DEADLINE,
        "AWS calls must stop before the apology deadline"
    );
    let window: u64 = p["Environment"]["Variables"]["VOICEOPS_NOTIFY_WINDOW_SECONDS"]
        .as_str()
        .and_then(|w| w.parse().ok())
        .expect("the notification window in seconds");
    assert!(
        timeout >= window + 5 + 10,
        "a stop event waits its {window} s window and 5 s more, then counts and sends: {timeout} s is too short"
    );
}

/// stop-forwarder.yaml: another region's stop events put on VoiceOps's home bus, and nothing else.
#[test]
fn the_stop_forwarder_may_only_put_events_on_the_home_bus() {
    let path = end_to_end::root().join("voiceops/stop-forwarder.yaml");
    let text = std::fs::read_to_string(path).unwrap();
    let t: Value = serde_yaml_ng::from_str(&text).unwrap();
    let role = &t["Resources"]["ForwardStopsRole"]["Properties"];
    assert_eq!(
        role["AssumeRolePolicyDocument"]["Statement"][0]["Principal"]["Service"].as_str(),
        Some("events.amazonaws.com")
    );
    let statements = role["Policies"][0]["PolicyDocument"]["Statement"]
        .as_sequence()
        .unwrap();
    assert_eq!(statements.len(), 1);
    assert_eq!(statements[0]["Action"].as_str(), Some("events:PutEvents"));
    assert!(is_ref(&statements[0]["Resource"], "HomeEventBusArn"));
    let rule = &t["Resources"]["ForwardStopsRule"]["Properties"];
    assert_eq!(
        rule["EventPattern"]["detail"]["state"]
            .as_sequence()
            .unwrap(),
        &[Value::from("stopped")]
    );
    assert!(is_ref(&rule["Targets"][0]["Arn"], "HomeEventBusArn"));
    let out = lint(&text, "forwarder");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "cfn-lint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_function_is_a_rust_arm64_lambda_bound_to_the_skill_id() {
    let t = template();
    let f = functions(&t)[0];
    let p = &f["Properties"];
    assert_eq!(p["Runtime"].as_str(), Some("provided.al2023"));
    assert_eq!(p["Handler"].as_str(), Some("bootstrap"));
    assert_eq!(p["Architectures"][0].as_str(), Some("arm64"));
    assert_eq!(
        f["Metadata"]["BuildMethod"].as_str(),
        Some("rust-cargolambda")
    );
    assert_eq!(
        f["Metadata"]["BuildProperties"]["Binary"].as_str(),
        Some("voiceops-lambda")
    );
    let events = p["Events"].as_mapping().unwrap();
    assert_eq!(events.len(), 1);
    let event = events.values().next().unwrap();
    assert_eq!(event["Type"].as_str(), Some("AlexaSkill"));
    assert!(is_ref(&event["Properties"]["SkillId"], "SkillId"));
    assert!(is_ref(
        &p["Environment"]["Variables"]["SKILL_ID"],
        "SkillId"
    ));
    assert!(is_ref(
        &p["Environment"]["Variables"]["VOICEOPS_REGIONS"],
        "Regions"
    ));
    let logs = t["Resources"]
        .as_mapping()
        .unwrap()
        .values()
        .find(|r| r["Type"].as_str() == Some("AWS::Logs::LogGroup"))
        .expect("a log group");
    assert!(is_ref(
        &logs["Properties"]["RetentionInDays"],
        "LogRetentionInDays"
    ));
    match &t["Outputs"]["FunctionArn"]["Value"] {
        Value::Tagged(tag) => assert_eq!(
            (tag.tag.to_string().as_str(), tag.value.as_str()),
            ("!GetAtt", Some("VoiceOpsFunction.Arn"))
        ),
        other => panic!("FunctionArn output is {other:?}"),
    }
}

fn cfn_lint() -> PathBuf {
    std::env::var_os("CFN_LINT")
        .map(PathBuf::from)
        .unwrap_or_else(|| end_to_end::root().join(".cache/venv/bin/cfn-lint"))
}

fn lint(text: &str, name: &str) -> std::process::Output {
    let dir = std::env::temp_dir().join(format!("voiceops-cfn-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("template.yaml");
    std::fs::write(&file, text).unwrap();
    let out = Command::new(cfn_lint())
        .arg(&file)
        .output()
        .expect("cfn-lint runs: ./scripts/test installs it");
    let _ = std::fs::remove_dir_all(&dir);
    out
}

#[test]
fn cfn_lint_passes_without_warnings_and_catches_broken_templates() {
    assert!(
        cfn_lint().exists(),
        "cfn-lint not found at {}: run ./scripts/test",
        cfn_lint().display()
    );
    let text = std::fs::read_to_string(template_path()).unwrap();
    let out = lint(&text, "ok");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "cfn-lint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, from, to) in [
        (
            "runtime",
            "Runtime: provided.al2023",
            "Runtime: provided.al2099",
        ),
        ("architecture", "- arm64", "- arm65"),
        (
            "ref",
            "SKILL_ID: !Ref SkillId",
            "SKILL_ID: !Ref SkillIdentifier",
        ),
        ("event", "Type: AlexaSkill", "Type: AlexaSkil"),
    ] {
        assert!(text.contains(from), "{from}");
        let out = lint(&text.replacen(from, to, 1), name);
        assert!(
            !out.status.success(),
            "cfn-lint accepted a broken {name}: is it the pinned 1.53.3?"
        );
    }
}

/// member-role.yaml: the read-only role in a member account of an organization.
fn member_role() -> Value {
    let path = end_to_end::root().join("voiceops/member-role.yaml");
    serde_yaml_ng::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_member_role_only_reads_and_only_the_skills_function_may_assume_it() {
    let t = member_role();
    let roles: Vec<&Value> = t["Resources"]
        .as_mapping()
        .unwrap()
        .values()
        .filter(|r| r["Type"].as_str() == Some("AWS::IAM::Role"))
        .collect();
    assert_eq!(roles.len(), 1, "one role");
    assert_eq!(
        t["Resources"].as_mapping().unwrap().len(),
        1,
        "nothing else"
    );
    let p = &roles[0]["Properties"];
    assert!(is_ref(&p["RoleName"], "RoleName"));
    let trust = p["AssumeRolePolicyDocument"]["Statement"]
        .as_sequence()
        .unwrap();
    assert_eq!(trust.len(), 1);
    assert_eq!(trust[0]["Effect"].as_str(), Some("Allow"));
    assert_eq!(trust[0]["Action"].as_str(), Some("sts:AssumeRole"));
    assert!(
        is_ref(&trust[0]["Principal"]["AWS"], "SkillFunctionRoleArn"),
        "trusted by exactly the function's role"
    );
    let policies = p["Policies"].as_sequence().unwrap();
    assert_eq!(policies.len(), 1);
    assert!(p["ManagedPolicyArns"].is_null(), "no managed policies");
    let statements = policies[0]["PolicyDocument"]["Statement"]
        .as_sequence()
        .unwrap();
    assert_eq!(statements.len(), 1);
    let actions: BTreeSet<&str> = statements[0]["Action"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        BTreeSet::from([
            "ec2:DescribeInstances",
            "ec2:DescribeRegions",
            "rds:DescribeDBInstances",
            "rds:DescribeDBClusters",
        ])
    );
}

#[test]
fn cfn_lint_passes_on_the_member_role() {
    let text =
        std::fs::read_to_string(end_to_end::root().join("voiceops/member-role.yaml")).unwrap();
    let out = lint(&text, "member");
    assert!(
        out.status.success() && out.stdout.is_empty(),
        "cfn-lint: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every IAM action in a YAML subtree (strings that look like `service:Action`).
fn actions_in(value: &Value, into: &mut BTreeSet<String>) {
    match value {
        Value::Mapping(m) => {
            for (k, v) in m {
                if k.as_str() == Some("Action") {
                    match v {
                        Value::String(a) => {
                            into.insert(a.clone());
                        }
                        Value::Sequence(list) => {
                            into.extend(list.iter().filter_map(|a| a.as_str().map(str::to_owned)))
                        }
                        _ => {}
                    }
                }
                actions_in(v, into);
            }
        }
        Value::Sequence(list) => list.iter().for_each(|v| actions_in(v, into)),
        Value::Tagged(t) => actions_in(&t.value, into),
        _ => {}
    }
}

#[test]
fn the_readme_lists_every_permission_the_function_gets() {
    let t = template();
    let mut granted = BTreeSet::new();
    actions_in(&functions(&t)[0]["Properties"]["Policies"], &mut granted);
    assert!(granted.len() >= 8, "{granted:?}");
    let readme = std::fs::read_to_string(end_to_end::root().join("voiceops/README.md")).unwrap();
    let unlisted: Vec<&String> = granted
        .iter()
        .filter(|a| !readme.contains(&format!("`{a}`")))
        .collect();
    assert!(
        unlisted.is_empty(),
        "template.yaml grants what the README does not list: {unlisted:?}"
    );
}
