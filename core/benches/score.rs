//! Criterion benchmarks: the cost of validating and scoring one record against a plain serde
//! parse of the same text. Run through `benches/run.sh` (or `cargo bench -p sifasuo`).
//!
//! Records: `SIFASUO_BENCH_RECORDS` (a JSON-lines file, default the 343 realistic records of
//! `data/sample/offices-2024.jsonl`).
#![allow(missing_docs)]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use sifasuo::{params::Parameters, validate, OfficeRecord, Record};
use std::hint::black_box;

fn records() -> Vec<String> {
    let path = std::env::var("SIFASUO_BENCH_RECORDS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../data/sample/offices-2024.jsonl").into());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let lines: Vec<String> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(str::to_owned)
        .collect();
    // every record must be a valid office, or (b)/(c) would measure the error path
    for l in &lines {
        assert!(
            matches!(validate::parse(l), Ok(Record::Office(_))),
            "not a valid office record: {l:.80}"
        );
    }
    lines
}

fn per_record(c: &mut Criterion) {
    let lines = records();
    let params = Parameters::default();
    // built once, like the parameters: what a batch does (rule weights looked up once)
    let scorer = sifasuo::score::Scorer::new(&params);
    let mut g = c.benchmark_group("per_record");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("a_serde_parse", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(serde_json::from_str::<OfficeRecord>(black_box(l)).unwrap());
            }
        });
    });
    g.bench_function("b_parse_validate", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(validate::parse(black_box(l)).unwrap());
            }
        });
    });
    g.bench_function("c_parse_validate_score", |b| {
        b.iter(|| {
            for l in &lines {
                let Ok(Record::Office(o)) = validate::parse(black_box(l)) else {
                    unreachable!()
                };
                black_box(scorer.score(&o));
            }
        });
    });
    // score alone, on already-validated records (what the profile points at)
    let parsed: Vec<Box<OfficeRecord>> = lines
        .iter()
        .map(|l| match validate::parse(l) {
            Ok(Record::Office(o)) => o,
            _ => unreachable!(),
        })
        .collect();
    g.bench_function("d_score_only", |b| {
        b.iter_batched(
            || (),
            |()| {
                for o in &parsed {
                    black_box(scorer.score(o));
                }
            },
            BatchSize::SmallInput,
        );
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20).warm_up_time(std::time::Duration::from_secs(1)).measurement_time(std::time::Duration::from_secs(4));
    targets = per_record
}
criterion_main!(benches);
