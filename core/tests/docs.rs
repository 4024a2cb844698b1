//! `docs/rules.md` is generated from the rule catalogue and must not drift; every rule's quote is
//! verbatim in the plan's text; rule ids are unique and well-formed.
//!
//! Regenerate `docs/rules.md`: `SIFASUO_BLESS=1 cargo test -p sifasuo --test docs`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a failed unwrap or index is a failed test"
)]

use sifasuo::rules::catalogue;
use sifasuo::Parameters;
use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
}

fn bless() -> bool {
    std::env::var("SIFASUO_BLESS").is_ok_and(|v| v == "1")
}

#[test]
fn rules_md_is_up_to_date() {
    let generated = sifasuo::docs::rules_markdown(&Parameters::default());
    let path = repo("docs/rules.md");
    if bless() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == generated,
        "docs/rules.md is stale: regenerate it with `SIFASUO_BLESS=1 cargo test -p sifasuo --test docs`"
    );
}

#[test]
fn every_quote_is_verbatim_in_the_plan() {
    let source = std::fs::read_to_string(repo("docs/source/bj-sfj-2022-42.txt")).unwrap();
    let rules = catalogue(&Parameters::default());
    assert!(rules.iter().any(|r| r.applies_to == "office"));
    assert!(rules.iter().any(|r| r.applies_to == "district"));
    for r in &rules {
        assert!(!r.quote.is_empty(), "{} has no quote", r.id);
        assert!(
            source.contains(&r.quote),
            "{}: quote not in the plan: {}",
            r.id,
            r.quote
        );
    }
}

#[test]
fn source_copy_matches_the_shared_text_when_present() {
    // the plan's text in shared/, beside the checkout (as in CI) or at its usual place
    let beside = repo("../shared/source/bj-sfj-2022-42.txt");
    let usual = PathBuf::from("/work/shared/source/bj-sfj-2022-42.txt");
    if let Ok(original) = std::fs::read_to_string(beside).or_else(|_| std::fs::read_to_string(usual)) {
        assert_eq!(
            std::fs::read_to_string(repo("docs/source/bj-sfj-2022-42.txt")).unwrap(),
            original
        );
    }
}

/// `^(t\d\d|y\d{4})-[a-z0-9-]+$`, returning the number after the prefix letter.
fn id_number(id: &str) -> Option<(char, u32)> {
    let (head, rest) = id.split_once('-')?;
    let mut chars = head.chars();
    let kind = chars.next()?;
    let digits: String = chars.collect();
    let want = match kind {
        't' => 2,
        'y' => 4,
        _ => return None,
    };
    if digits.len() != want || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let tail_ok = !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    tail_ok.then(|| (kind, digits.parse().unwrap()))
}

#[test]
fn id_pattern_helper() {
    assert_eq!(id_number("t13-total-area"), Some(('t', 13)));
    assert_eq!(id_number("y2024-typical-experiences"), Some(('y', 2024)));
    for bad in [
        "t1-x", "t013-x", "x13-a", "t13-", "t13-Area", "t13_area", "y24-x", "t13",
    ] {
        assert_eq!(id_number(bad), None, "{bad}");
    }
}

#[test]
fn ids_are_unique_well_formed_and_match_their_task() {
    let rules = catalogue(&Parameters::default());
    let mut seen = BTreeSet::new();
    for r in &rules {
        assert!(seen.insert(r.id.clone()), "duplicate rule id {}", r.id);
        let (kind, n) = id_number(&r.id).unwrap_or_else(|| panic!("malformed rule id {}", r.id));
        match kind {
            't' => {
                assert_eq!(u32::from(r.task), n, "{}: task {} does not match its id", r.id, r.task);
                assert!((1..=18).contains(&r.task), "{}", r.id);
                assert_eq!(r.year, None, "{}", r.id);
            }
            _ => {
                assert_eq!(r.applies_to, "district", "{}", r.id);
                assert_eq!(
                    r.year,
                    Some(i32::try_from(n).unwrap()),
                    "{}: year does not match its id",
                    r.id
                );
                assert_eq!(r.task, 0, "{}", r.id);
            }
        }
    }
}

#[test]
fn markdown_lists_every_rule_once_with_its_quote() {
    let md = sifasuo::docs::rules_markdown(&Parameters::default());
    for r in catalogue(&Parameters::default()) {
        let row = format!("\n| `{}` |", r.id);
        assert_eq!(md.matches(&row).count(), 1, "{}", r.id);
        assert!(md.contains(&r.quote), "{}", r.id);
    }
    assert!(md.contains("BJ-2022-42/default"));
    assert!(md.contains("| `total_area_m2` | 120 |"));
    assert!(md.contains("| `analysis_meetings` | 12 |"));
    assert!(md.contains("### 业务建设 (`business`) — 50†"));
    assert!(md.contains("### 政治建设 (`political`) — 10†"));
    assert!(md.contains("### 干部队伍建设 (`staffing`) — 15†"));
    assert!(md.contains("### 保障能力建设 (`support`) — 25†"));
    assert!(md.contains("+1†"));
}

#[test]
fn markdown_follows_the_parameters() {
    let p = Parameters::from_override_json(
        r#"{"id": "朝阳区/2023", "thresholds": {"total_area_m2": 150}, "grades": {"exemplary_from": 95}}"#,
    )
    .unwrap();
    let md = sifasuo::docs::rules_markdown(&p);
    assert!(md.contains("朝阳区/2023"));
    assert!(md.contains("| `total_area_m2` | 150 |"));
    assert!(md.contains("at least 95"));
}
