//! The `sifasuo` binary: `validate` and `schema`, exit codes 0/1/2, output shapes, standard
//! input, JSON lines with bad lines (invalid JSON, invalid UTF-8) in the middle.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(rel)
}

fn example(name: &str) -> String {
    repo(&format!("tests/examples/{name}.json")).display().to_string()
}

/// One line of the example, for JSON lines.
fn example_line(name: &str) -> String {
    let v: Value = serde_json::from_str(&std::fs::read_to_string(example(name)).unwrap()).unwrap();
    v.to_string()
}

fn sifasuo(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sifasuo"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// A scratch directory of this test, removed when dropped.
struct Scratch(PathBuf);

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

fn scratch(test: &str) -> Scratch {
    let d = std::env::temp_dir().join(format!("sifasuo-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    Scratch(d)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

/// The JSON-lines rows of `--format json`, each checked for its shape.
fn rows(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"));
            let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(keys.len(), 4, "{l}");
            assert!(
                v["file"].is_string() && v["line"].is_u64() && v["valid"].is_boolean(),
                "{l}"
            );
            let errors = v["errors"].as_array().unwrap();
            assert_eq!(v["valid"].as_bool().unwrap(), errors.is_empty(), "{l}");
            for e in errors {
                for k in ["code", "path", "message", "message_en"] {
                    assert!(e[k].is_string(), "{k} in {e}");
                }
                assert!(e["ctx"].is_object());
            }
            v
        })
        .collect()
}

fn codes(row: &Value) -> Vec<(String, String)> {
    row["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["code"].as_str().unwrap().to_string(),
                e["path"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn valid_examples_exit_0() {
    let files = [
        example("office-street-2023"),
        example("office-township-2023"),
        example("district-2023"),
    ];
    let args: Vec<&str> = ["validate"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = sifasuo(&args, None);
    assert_eq!(code(&o), 0, "{o:?}");
    assert_eq!(stdout(&o), "");

    let args: Vec<&str> = ["validate", "--format", "json"]
        .into_iter()
        .chain(files.iter().map(String::as_str))
        .collect();
    let o = sifasuo(&args, None);
    assert_eq!(code(&o), 0);
    let rows = rows(&o);
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r["valid"] == true && r["line"] == 1));
    assert_eq!(rows[2]["file"], files[2].as_str());
}

#[test]
fn invalid_record_exits_1_with_one_line_per_error() {
    let dir = scratch("invalid");
    let f = write(
        &dir,
        "bad.json",
        br#"{"format": "sifasuo.district/1", "year": "2023", "district": "chaoyang", "extra": 1}"#,
    );
    let o = sifasuo(&["validate", &f], None);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert!(
        lines.contains(&format!("{f}:1: /year: 应为整数，实际为字符串 [type_error]").as_str()),
        "{out}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("{f}:1: /extra: ")) && l.ends_with("[unknown_field]")),
        "{out}"
    );

    let o = sifasuo(&["validate", "--lang", "en", &f], None);
    assert!(
        stdout(&o).contains(&format!(
            "{f}:1: /year: expected an integer, found a string [type_error]"
        )),
        "{o:?}"
    );
    assert!(String::from_utf8_lossy(&o.stderr).contains("1 record(s), 1 invalid"));

    let o = sifasuo(&["validate", "--format", "json", &f, &example("district-2023")], None);
    assert_eq!(code(&o), 1);
    let rows = rows(&o);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["valid"], false);
    assert_eq!(rows[1]["valid"], true);
    let mut c = codes(&rows[0]);
    c.sort();
    assert_eq!(
        c,
        [
            ("type_error".into(), "/year".into()),
            ("unknown_district".into(), "/district".into()),
            ("unknown_field".into(), "/extra".into())
        ]
    );
}

#[test]
fn usage_and_io_errors_exit_2() {
    let dir = scratch("io");
    // no file
    assert_eq!(code(&sifasuo(&["validate"], None)), 2);
    // unknown subcommand, unknown option, bad --format
    assert_eq!(code(&sifasuo(&["frobnicate"], None)), 2);
    assert_eq!(code(&sifasuo(&["validate", "--colour", "x.json"], None)), 2);
    assert_eq!(
        code(&sifasuo(
            &["validate", "--format", "xml", &example("district-2023")],
            None
        )),
        2
    );
    // a missing file, even next to a valid one (which is still checked)
    let missing = dir.join("missing.json").display().to_string();
    let o = sifasuo(
        &["validate", "--format", "json", &missing, &example("district-2023")],
        None,
    );
    assert_eq!(code(&o), 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("missing.json"), "{o:?}");
    assert_eq!(rows(&o).len(), 1);
    // a directory
    assert_eq!(code(&sifasuo(&["validate", &dir.display().to_string()], None)), 2);
    // help and version are not errors
    assert_eq!(code(&sifasuo(&["--help"], None)), 0);
    assert_eq!(code(&sifasuo(&["validate", "--help"], None)), 0);
    assert_eq!(code(&sifasuo(&["--version"], None)), 0);
}

#[test]
fn stdin_dash() {
    let text = format!(
        "{}\n{}\n",
        example_line("office-street-2023"),
        example_line("district-2023")
    );
    let o = sifasuo(&["validate", "--format", "json", "-"], Some(text.as_bytes()));
    assert_eq!(code(&o), 0, "{o:?}");
    let rows = rows(&o);
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r["file"] == "-"));
    assert_eq!(rows[1]["line"], 2);

    // one pretty-printed record on stdin
    let pretty = std::fs::read(example("office-township-2023")).unwrap();
    let o = sifasuo(&["validate", "-"], Some(&pretty));
    assert_eq!(code(&o), 0, "{o:?}");

    let o = sifasuo(&["validate", "-"], Some(b"{\"format\": \"sifasuo.office/1\"}"));
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).starts_with("-:1: "), "{o:?}");
}

#[test]
fn json_lines_with_bad_lines_in_the_middle_report_every_line() {
    let dir = scratch("jsonl");
    let mut bytes = Vec::new();
    bytes.extend(example_line("office-street-2023").as_bytes());
    bytes.extend(b"\n\n"); // a blank line is skipped, numbering goes on
    bytes.extend(b"{\"format\": \"sifasuo.office/1\", \"year\": \n"); // line 3: not JSON
    bytes.extend(b"{\"notes\": \"\xff\xfe\"}\r\n"); // line 4: not UTF-8
    bytes.extend(b"[1, 2]\n"); // line 5: not an object
    bytes.extend(example_line("district-2023").as_bytes()); // line 6, no final newline
    for name in ["records.jsonl", "records.json", "records.txt"] {
        let f = write(&dir, name, &bytes);
        let o = sifasuo(&["validate", "--format", "json", &f], None);
        assert_eq!(code(&o), 1, "{name}: {o:?}");
        let rows = rows(&o);
        let lines: Vec<u64> = rows.iter().map(|r| r["line"].as_u64().unwrap()).collect();
        assert_eq!(lines, [1, 3, 4, 5, 6], "{name}");
        let valid: Vec<bool> = rows.iter().map(|r| r["valid"].as_bool().unwrap()).collect();
        assert_eq!(valid, [true, false, false, false, true], "{name}");
        assert_eq!(codes(&rows[1]), [("invalid_json".to_string(), String::new())]);
        assert_eq!(codes(&rows[2]), [("invalid_json".to_string(), String::new())]);
        assert!(rows[2]["errors"][0]["message_en"].as_str().unwrap().contains("UTF-8"));
        assert_eq!(codes(&rows[3]), [("type_error".to_string(), String::new())]);
    }
    // a bad first line too
    let f = write(
        &dir,
        "first.jsonl",
        format!("oops\n{}\n", example_line("district-2023")).as_bytes(),
    );
    let first = rows(&sifasuo(&["validate", "--format", "json", &f], None));
    assert_eq!(
        first.iter().map(|r| r["valid"].as_bool().unwrap()).collect::<Vec<_>>(),
        [false, true]
    );
}

#[test]
fn json_documents_one_record_or_an_array() {
    let dir = scratch("docs");
    let street: Value = serde_json::from_str(&std::fs::read_to_string(example("office-street-2023")).unwrap()).unwrap();
    let mut bad = street.clone();
    bad["mediation"]["mediators"] = Value::from(-1);
    let array = serde_json::to_string_pretty(&Value::Array(vec![street, bad])).unwrap();
    let f = write(&dir, "batch.json", array.as_bytes());
    let o = sifasuo(&["validate", "--format", "json", &f], None);
    assert_eq!(code(&o), 1);
    let records = rows(&o);
    assert_eq!(records.len(), 2);
    assert_eq!(records[1]["line"], 2, "records of an array are numbered");
    assert_eq!(
        codes(&records[1]),
        [("out_of_range".to_string(), "/mediation/mediators".to_string())]
    );

    // a broken pretty document is one error, with its line in ctx
    let f = write(
        &dir,
        "broken.json",
        b"{\n  \"format\": \"sifasuo.district/1\",\n  \"year\": 2023,\n  \"year\": 2024\n}\n",
    );
    let broken = rows(&sifasuo(&["validate", "--format", "json", &f], None));
    assert_eq!(broken.len(), 1);
    assert_eq!(codes(&broken[0]), [("duplicate_key".to_string(), "/year".to_string())]);

    // a byte-order mark is fine; an empty file has no records
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(std::fs::read(example("district-2023")).unwrap());
    let f = write(&dir, "bom.json", &bom);
    assert_eq!(code(&sifasuo(&["validate", &f], None)), 0);
    let f = write(&dir, "empty.json", b"");
    let o = sifasuo(&["validate", "--format", "json", &f], None);
    assert_eq!(code(&o), 0);
    assert_eq!(stdout(&o), "");
}

#[test]
fn personal_data_is_never_printed() {
    let text = r#"{"format": "sifasuo.district/1", "year": 2023, "district": "13812345678", "11010519491231002X": 1}"#;
    for args in [
        &["validate", "-"][..],
        &["validate", "--format", "json", "-"],
        &["validate", "--lang", "en", "-"],
    ] {
        let o = sifasuo(args, Some(text.as_bytes()));
        assert_eq!(code(&o), 1);
        let all = format!("{}{}", stdout(&o), String::from_utf8_lossy(&o.stderr));
        assert!(
            !all.contains("13812345678") && !all.contains("11010519491231002X"),
            "{all}"
        );
        assert!(all.contains("138****5678"), "{all}");
    }
}

#[test]
fn schema_command_prints_the_library_schema() {
    for (kind, k) in [
        ("office", sifasuo::schema::SchemaKind::Office),
        ("district", sifasuo::schema::SchemaKind::District),
    ] {
        let o = sifasuo(&["schema", kind], None);
        assert_eq!(code(&o), 0);
        let printed: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(printed, sifasuo::schema::schema(k));
        assert!(stdout(&o).contains("\n  \""), "pretty-printed");
    }
    assert_eq!(code(&sifasuo(&["schema", "bureau"], None)), 2);
    assert_eq!(code(&sifasuo(&["schema"], None)), 2);
}
