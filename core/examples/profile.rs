//! A driver for `valgrind --tool=callgrind`: runs one of the criterion cases over a JSON-lines
//! file `rounds` times, so instruction counts per record can be read off (see
//! `docs/performance.md`). Usage: `profile <a|b|c|d> <file.jsonl> [rounds]`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use sifasuo::{params::Parameters, validate, OfficeRecord, Record};
use std::hint::black_box;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (case, path) = (args[1].as_str(), &args[2]);
    let rounds: usize = args.get(3).map_or(1, |r| r.parse().unwrap());
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let params = Parameters::default();
    // built once, like the parameters: what a batch does (rule weights looked up once)
    let scorer = sifasuo::score::Scorer::new(&params);
    let parsed: Vec<Box<OfficeRecord>> = if case == "d" {
        lines
            .iter()
            .map(|l| match validate::parse(l) {
                Ok(Record::Office(o)) => o,
                _ => panic!("not an office"),
            })
            .collect()
    } else {
        Vec::new()
    };
    for _ in 0..rounds {
        match case {
            "a" => lines
                .iter()
                .for_each(|l| drop(black_box(serde_json::from_str::<OfficeRecord>(l).unwrap()))),
            "b" => lines.iter().for_each(|l| drop(black_box(validate::parse(l).unwrap()))),
            "c" => lines.iter().for_each(|l| {
                let Ok(Record::Office(o)) = validate::parse(l) else {
                    panic!("not an office")
                };
                drop(black_box(scorer.score(&o)));
            }),
            "d" => parsed.iter().for_each(|o| drop(black_box(scorer.score(o)))),
            "0" => {}
            _ => panic!("case: a, b, c, d or 0"),
        }
    }
}
