//! Batch scoring: many records (JSON lines), every input yields a report or an error row.
//!
//! Two passes over the input keep memory flat: the first pass reads only each office's code,
//! year and qualification ratio (to find duplicates and last year's ratio for
//! `t10-qualification-trend`), the second validates, scores in parallel and emits rows in
//! input order. Keys are kept as 64-bit hashes, so a million records need a few tens of MB.

use crate::model::{District, Record};
use crate::params::Parameters;
use crate::report::{DistrictReport, Report, Rollup};
use crate::score::Scorer;
use crate::validate::{self, ErrorCode, ValidationError};
use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Where an input record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// File name (`-` for standard input, empty for in-memory data).
    pub file: String,
    /// 1-based line (JSON lines) or record number.
    pub line: usize,
}

/// One input item: the record's text, or why it could not be read.
pub type Item = (Source, Result<String, ValidationError>);

/// The outcome for one input record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Outcome {
    /// An office report.
    Office {
        /// The report.
        report: Box<Report>,
    },
    /// A district report.
    District {
        /// The report.
        report: Box<DistrictReport>,
    },
    /// The record was not scored.
    Invalid {
        /// Every error.
        errors: Vec<ValidationError>,
    },
}

/// One output row, in input order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    /// 0-based position in the batch.
    pub index: usize,
    /// Where it came from.
    pub source: Source,
    /// Report or errors.
    #[serde(flatten)]
    pub outcome: Outcome,
}

fn key_hash(kind: u8, code: &str, year: i64) -> u64 {
    let mut h = DefaultHasher::new();
    (kind, code, year).hash(&mut h);
    h.finish()
}

#[derive(Deserialize)]
struct PeekOffice {
    code: Option<Value>,
}
#[derive(Deserialize)]
struct PeekStaff {
    staff: Option<Value>,
    legal_qualification: Option<Value>,
}
/// The few fields the first pass needs.
#[derive(Deserialize)]
struct Peek {
    format: Option<Value>,
    year: Option<Value>,
    office: Option<PeekOffice>,
    district: Option<Value>,
    staffing: Option<PeekStaff>,
}

/// What the first pass learns about one key.
#[derive(Debug, Clone, Copy)]
struct Seen {
    /// Occurrences of the key.
    count: u32,
    /// Index of the first occurrence.
    first: u32,
    /// legal_qualification / staff of that record (NaN when unknown).
    ratio: f64,
}

/// What the first pass takes from one record.
#[derive(Debug, Clone, Copy)]
struct Peeked {
    key: u64,
    ratio: f64,
    district_year: Option<(District, i32)>,
}

/// The key (and qualification ratio) of one record's text, when it has one.
fn peek(text: &str) -> Option<Peeked> {
    let p = serde_json::from_str::<Peek>(text.strip_prefix('\u{feff}').unwrap_or(text)).ok()?;
    let year = p.year.as_ref().and_then(Value::as_i64)?;
    match p.format.as_ref().and_then(Value::as_str) {
        Some("sifasuo.office/1") => {
            let code = p.office.and_then(|o| o.code)?;
            let code = code.as_str()?;
            let ratio = p.staffing.map_or(f64::NAN, |s| {
                let staff = s.staff.as_ref().and_then(Value::as_u64).filter(|s| *s > 0);
                let q = s.legal_qualification.as_ref().and_then(Value::as_u64);
                match (staff, q) {
                    (Some(staff), Some(q)) => q as f64 / staff as f64,
                    _ => f64::NAN,
                }
            });
            Some(Peeked {
                key: key_hash(0, code, year),
                ratio,
                district_year: None,
            })
        }
        Some("sifasuo.district/1") => {
            let d = p.district.as_ref().and_then(Value::as_str)?;
            let district_year = match (District::from_zh(d), i32::try_from(year)) {
                (Some(dist), Ok(y)) => Some((dist, y)),
                _ => None,
            };
            Some(Peeked {
                key: key_hash(1, d, year),
                ratio: f64::NAN,
                district_year,
            })
        }
        _ => None,
    }
}

/// What the first pass learns: per (code, year) key hash, occurrences and the qualification
/// ratio (about 32 bytes a record).
#[derive(Debug, Default)]
pub struct BatchIndex {
    seen: HashMap<u64, Seen>,
    /// (district, year) pairs that have a district record.
    district_years: Vec<(District, i32)>,
}

impl BatchIndex {
    /// Looks at one record's text.
    pub fn add(&mut self, index: usize, text: &str) {
        if let Some(p) = peek(text) {
            self.note_peeked(index, p);
        }
    }

    fn note_peeked(&mut self, index: usize, p: Peeked) {
        let idx = u32::try_from(index).unwrap_or(u32::MAX);
        self.note(p.key, idx, p.ratio);
        if let Some(dy) = p.district_year {
            if !self.district_years.contains(&dy) {
                self.district_years.push(dy);
            }
        }
    }

    fn note(&mut self, key: u64, idx: u32, ratio: f64) {
        self.seen
            .entry(key)
            .and_modify(|e| e.count = e.count.saturating_add(1))
            .or_insert(Seen {
                count: 1,
                first: idx,
                ratio,
            });
    }

    fn duplicate(&self, kind: u8, code: &str, year: i32) -> Option<u32> {
        self.seen
            .get(&key_hash(kind, code, i64::from(year)))
            .filter(|e| e.count > 1)
            .map(|e| e.first)
    }

    /// Last year's ratio, when last year's record is in the batch once and has one.
    fn previous_ratio(&self, code: &str, year: i32) -> Option<f64> {
        self.seen
            .get(&key_hash(0, code, i64::from(year) - 1))
            .filter(|e| e.count == 1 && !e.ratio.is_nan())
            .map(|e| e.ratio)
    }
}

fn duplicate_error(code: &str, year: i32, first: u32) -> ValidationError {
    let mut c = Map::new();
    c.insert("code".into(), json!(crate::validate::pii::redact(code)));
    c.insert("year".into(), json!(year));
    c.insert("first".into(), json!(u64::from(first) + 1));
    ValidationError::new(ErrorCode::DuplicateRecord, "", c)
}

/// Scores one item given the first pass's index. District records are scored without roll-up here.
fn score_one(idx: &BatchIndex, scorer: &Scorer, text: &Result<String, ValidationError>) -> Outcome {
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            return Outcome::Invalid {
                errors: vec![e.clone()],
            }
        }
    };
    match validate::parse(text) {
        Err(e) => Outcome::Invalid { errors: e.0 },
        Ok(Record::Office(o)) => {
            if let Some(first) = idx.duplicate(0, &o.office.code, o.year) {
                return Outcome::Invalid {
                    errors: vec![duplicate_error(&o.office.code, o.year, first)],
                };
            }
            let prev = idx.previous_ratio(&o.office.code, o.year);
            Outcome::Office {
                report: Box::new(scorer.score_with(&o, prev)),
            }
        }
        Ok(Record::District(d)) => {
            if let Some(first) = idx.duplicate(1, d.district.name_zh(), d.year) {
                return Outcome::Invalid {
                    errors: vec![duplicate_error(d.district.name_zh(), d.year, first)],
                };
            }
            Outcome::District {
                report: Box::new(scorer.score_district(&d, None)),
            }
        }
    }
}

/// Options of a batch run.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Worker threads (0: all cores).
    pub threads: usize,
    /// Records handed to the workers at a time.
    pub chunk: usize,
}

impl Default for BatchOptions {
    fn default() -> Self {
        BatchOptions { threads: 0, chunk: 512 }
    }
}

/// Running roll-ups of the offices of districts that have a district record in the batch.
#[derive(Default)]
struct Accumulators {
    by_district: HashMap<(District, i32), Vec<Report>>,
}

/// What the workers hand back for one item: its row already mapped (with a copy of the office's
/// report when a district record of the batch needs it for its roll-up), or a district row,
/// held until every office has been seen.
enum Done<T> {
    Mapped(T, Option<Box<Report>>),
    Held(Row),
}

/// A chunk being scored: its rows' sources (for the rows of a worker that died) and the worker.
type Pending<'s, T> = (Vec<(usize, Source)>, std::thread::ScopedJoinHandle<'s, Vec<Done<T>>>);

/// Scores a stream of items in two passes. `items` is called twice and must yield the same
/// items both times. `sink` receives every row in input order; district reports come with the
/// roll-up of their offices (those rows are emitted after the last item, in input order among
/// themselves). Returns the number of rows emitted (= items).
pub fn score_stream<I, F>(items: impl Fn() -> I, params: &Parameters, opts: &BatchOptions, sink: F) -> usize
where
    I: Iterator<Item = Item>,
    F: FnMut(Row),
{
    score_stream_map(items, params, opts, |row| row, sink)
}

/// [`score_stream`], with `map` applied to every row on the worker threads before `sink` gets
/// it in input order: what a row turns into (its output line, say) is built, and the row freed,
/// in parallel, leaving the calling thread only reading and writing. District rows are mapped
/// on the calling thread at the end, once their roll-up is complete.
pub fn score_stream_map<I, T, M, F>(
    items: impl Fn() -> I,
    params: &Parameters,
    opts: &BatchOptions,
    map: M,
    sink: F,
) -> usize
where
    I: Iterator<Item = Item>,
    T: Send,
    M: Fn(Row) -> T + Sync,
    F: FnMut(T),
{
    let (threads, size) = (threads_of(opts), opts.chunk.max(1));
    let idx = first_pass(items(), threads, size);
    second_pass(&idx, items(), params, (threads, size), map, sink)
}

/// [`score_stream_map`] over files (as [`files_items`] reads them). The first pass reads each
/// JSON-lines file in `threads` parts at once, where [`score_stream_map`] reads it on one thread:
/// that reading is the one serial step left in a batch. Rows are the same.
///
/// # Errors
/// When a file cannot be opened (before anything is scored).
pub fn score_files_map<T, M, F>(
    paths: &[std::path::PathBuf],
    params: &Parameters,
    opts: &BatchOptions,
    map: M,
    sink: F,
) -> Result<usize, ReadError>
where
    T: Send,
    M: Fn(Row) -> T + Sync,
    F: FnMut(T),
{
    let (threads, size) = (threads_of(opts), opts.chunk.max(1));
    drop(files_items(paths)?);
    let idx = match first_pass_files(paths, threads, RANGE_BYTES) {
        Some(idx) => idx,
        // anything unexpected (a read error, a file changed meanwhile): the plain first pass
        None => first_pass(files_items(paths)?, threads, size),
    };
    Ok(second_pass(
        &idx,
        files_items(paths)?,
        params,
        (threads, size),
        map,
        sink,
    ))
}

fn threads_of(opts: &BatchOptions) -> usize {
    if cfg!(target_arch = "wasm32") {
        1 // no threads there; and the threaded code is left out of the module
    } else if opts.threads == 0 {
        std::thread::available_parallelism().map_or(1, |n| n.get())
    } else {
        opts.threads
    }
}

/// The second pass: scores, maps and emits every item, given the first pass's index.
fn second_pass<I, T, M, F>(
    idx: &BatchIndex,
    items: I,
    params: &Parameters,
    (threads, size): (usize, usize),
    map: M,
    mut sink: F,
) -> usize
where
    I: Iterator<Item = Item>,
    T: Send,
    M: Fn(Row) -> T + Sync,
    F: FnMut(T),
{
    let mut acc = Accumulators::default();
    let mut held: Vec<Row> = Vec::new();
    let mut emitted = 0usize;
    let mut emit = |done: Vec<Done<T>>| {
        for d in done {
            match d {
                Done::Mapped(t, report) => {
                    if let Some(r) = report {
                        acc.by_district.entry((r.office.district, r.year)).or_default().push(*r);
                    }
                    emitted += 1;
                    sink(t);
                }
                Done::Held(row) => held.push(row),
            }
        }
    };
    let mut it = items.enumerate();
    let next_chunk = |it: &mut std::iter::Enumerate<I>| -> Vec<(usize, Item)> { it.by_ref().take(size).collect() };
    let map = &map;
    if threads <= 1 || cfg!(target_arch = "wasm32") {
        loop {
            let chunk = next_chunk(&mut it);
            if chunk.is_empty() {
                break;
            }
            emit(score_chunk(idx, params, chunk, 1, map));
        }
    } else {
        // pipelined: workers score and map chunk n while this thread reads chunk n + 1 and
        // hands the rows of chunk n − 1 to the sink
        std::thread::scope(|s| {
            let mut pending: Option<Pending<'_, T>> = None;
            loop {
                let chunk = next_chunk(&mut it);
                let next = (!chunk.is_empty()).then(|| {
                    let sources = chunk.iter().map(|(i, (src, _))| (*i, src.clone())).collect();
                    let handle = s.spawn(move || score_chunk(idx, params, chunk, threads, map));
                    (sources, handle)
                });
                if let Some((sources, handle)) = pending.take() {
                    // core never panics on input; should a worker die, its records still get rows
                    let done = handle.join().unwrap_or_else(|_| lost_rows(sources, map));
                    emit(done);
                }
                match next {
                    None => break,
                    Some(n) => pending = Some(n),
                }
            }
        });
    }
    for mut row in held {
        if let Outcome::District { report } = &mut row.outcome {
            let k = (report.district, report.year);
            let reports = acc.by_district.get(&k).map(Vec::as_slice).unwrap_or(&[]);
            report.offices = Some(crate::report::rollup(reports.iter()));
        }
        emitted += 1;
        sink(map(row));
    }
    emitted
}

/// Rows for the records of a worker that died (never expected: core does not panic on input).
fn lost_rows<T>(sources: Vec<(usize, Source)>, map: &(impl Fn(Row) -> T + Sync)) -> Vec<Done<T>> {
    sources
        .into_iter()
        .map(|(index, source)| {
            let outcome = Outcome::Invalid { errors: Vec::new() };
            Done::Mapped(map(Row { index, source, outcome }), None)
        })
        .collect()
}

/// The first pass over files, each JSON-lines file read in `threads` byte ranges at once (cut at
/// line starts), each range counting its items and peeking at them the way [`file_items`] and
/// [`first_pass`] do; `.json` files are read whole. `None` on a read error (the caller then
/// runs the plain first pass, which reports it as a row like the second pass will).
fn first_pass_files(paths: &[std::path::PathBuf], threads: usize, range_bytes: u64) -> Option<BatchIndex> {
    let mut idx = BatchIndex::default();
    let mut offset = 0usize;
    for path in paths {
        let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if is_json {
            offset += note_items(&mut idx, file_items(path).ok()?, offset);
            continue;
        }
        let len = std::fs::metadata(path).ok()?.len();
        // ranges of at most `range_bytes`, `threads` of them at a time, so that what is held
        // between reading and noting stays small however large the file
        let parts = if len < (1 << 20) {
            1
        } else {
            usize::try_from(len.div_ceil(range_bytes.max(1))).ok()?.max(threads)
        };
        let starts = line_starts(path, len, parts)?;
        let ranges: Vec<(u64, u64)> = starts
            .iter()
            .zip(starts.iter().skip(1).chain(std::iter::once(&len)))
            .map(|(a, b)| (*a, *b))
            .collect();
        for round in ranges.chunks(threads.max(1)) {
            let results: Vec<Option<RangePeeks>> = if round.len() <= 1 || cfg!(target_arch = "wasm32") {
                round.iter().map(|r| peek_range(path, *r)).collect()
            } else {
                std::thread::scope(|s| {
                    let handles: Vec<_> = round.iter().map(|r| s.spawn(move || peek_range(path, *r))).collect();
                    handles.into_iter().map(|h| h.join().ok().flatten()).collect()
                })
            };
            for r in results {
                let (count, peeks) = r?;
                for (i, p) in peeks {
                    idx.note_peeked(offset + i, p);
                }
                offset += count;
            }
        }
    }
    Some(idx)
}

/// The largest byte range the first pass reads on one thread at a time.
const RANGE_BYTES: u64 = 16 << 20;

/// A range's item count and the keys peeked in it (item numbers local to the range).
type RangePeeks = (usize, Vec<(usize, Peeked)>);

/// `parts` starting offsets in a file, each at the start of a line (the first is 0).
fn line_starts(path: &std::path::Path, len: u64, parts: usize) -> Option<Vec<u64>> {
    use std::io::{BufRead, Seek, SeekFrom};
    let mut starts = vec![0u64];
    let mut reader = std::io::BufReader::new(std::fs::File::open(path).ok()?);
    let mut skipped = Vec::new();
    for k in 1..parts as u64 {
        let cut = len * k / parts as u64;
        let last = *starts.last()?;
        if cut <= last {
            continue;
        }
        // the line holding byte cut - 1 ends at the next newline: the next line starts after it
        reader.seek(SeekFrom::Start(cut - 1)).ok()?;
        skipped.clear();
        let n = reader.read_until(b'\n', &mut skipped).ok()? as u64;
        let start = (cut - 1 + n).min(len);
        if start > last && start < len {
            starts.push(start);
        }
    }
    Some(starts)
}

/// Reads the lines that start in `[from, to)` exactly as [`file_items`] does (blank lines are
/// not items; a line that is not UTF-8 is an item with no key) and peeks at each.
fn peek_range(path: &std::path::Path, (from, to): (u64, u64)) -> Option<RangePeeks> {
    use std::io::{BufRead, Seek, SeekFrom};
    let mut file = std::fs::File::open(path).ok()?;
    file.seek(SeekFrom::Start(from)).ok()?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let (mut pos, mut count) = (from, 0usize);
    let mut peeks = Vec::new();
    let mut buf = Vec::new();
    while pos < to {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf).ok()?;
        if n == 0 {
            break;
        }
        pos += n as u64;
        match jsonl_line(&buf) {
            None => continue,
            Some(Ok(text)) => {
                if let Some(p) = peek(text) {
                    peeks.push((count, p));
                }
            }
            Some(Err(())) => {}
        }
        count += 1;
    }
    Some((count, peeks))
}

/// Notes the keys of `items`, numbered from `offset`, on this thread; returns how many items.
fn note_items(idx: &mut BatchIndex, items: impl Iterator<Item = Item>, offset: usize) -> usize {
    let mut count = 0;
    for (i, (_, text)) in items.enumerate() {
        if let Ok(t) = text {
            idx.add(offset + i, &t);
        }
        count = i + 1;
    }
    count
}

/// The first pass: every record's key, peeked at in parallel chunks, noted in input order.
fn first_pass(items: impl Iterator<Item = Item>, threads: usize, size: usize) -> BatchIndex {
    let mut idx = BatchIndex::default();
    if threads <= 1 || cfg!(target_arch = "wasm32") {
        note_items(&mut idx, items, 0);
        return idx;
    }
    // pipelined like the second pass: the workers peek at chunk n while this thread reads
    // chunk n + 1 and notes the keys of chunk n − 1, in input order
    let mut it = items.enumerate();
    let per = size.max(1);
    // `None` at the end of the input (a chunk of only unreadable items is `Some` and empty)
    let read = |it: &mut std::iter::Enumerate<_>| -> Option<Vec<(usize, String)>> {
        let raw: Vec<(usize, Item)> = it.by_ref().take(per.saturating_mul(threads)).collect();
        (!raw.is_empty()).then(|| {
            raw.into_iter()
                .filter_map(|(i, (_, text))| text.ok().map(|t| (i, t)))
                .collect()
        })
    };
    type Peeks = Vec<(usize, Option<Peeked>)>;
    let peek_all = |chunk: Vec<(usize, String)>| -> Peeks {
        let part = chunk.len().div_ceil(threads).max(1);
        std::thread::scope(|s| {
            let handles: Vec<_> = chunk
                .chunks(part)
                .map(|p| s.spawn(move || p.iter().map(|(i, t)| (*i, peek(t))).collect::<Peeks>()))
                .collect();
            handles
                .into_iter()
                .zip(chunk.chunks(part))
                .flat_map(|(h, p)| {
                    h.join()
                        .unwrap_or_else(|_| p.iter().map(|(i, t)| (*i, peek(t))).collect())
                })
                .collect()
        })
    };
    std::thread::scope(|s| {
        let mut pending: Option<std::thread::ScopedJoinHandle<'_, Peeks>> = None;
        loop {
            let next = read(&mut it).map(|chunk| s.spawn(move || peek_all(chunk)));
            if let Some(h) = pending.take() {
                // peek never panics (each part falls back to this thread anyway); were the
                // thread to die, its records would only be missing from the duplicate check
                for (i, p) in h.join().unwrap_or_default() {
                    if let Some(p) = p {
                        idx.note_peeked(i, p);
                    }
                }
            }
            match next {
                None => break,
                Some(h) => pending = Some(h),
            }
        }
    });
    idx
}

/// Scores and maps one chunk, on `threads` threads. A worker that dies takes this call with it
/// (its caller, the pipelined second pass, then gives the chunk's records error rows).
fn score_chunk<T: Send>(
    idx: &BatchIndex,
    params: &Parameters,
    chunk: Vec<(usize, Item)>,
    threads: usize,
    map: &(impl Fn(Row) -> T + Sync),
) -> Vec<Done<T>> {
    // the rules' points and severities, looked up once per chunk instead of once per record
    let scorer = Scorer::new(params);
    let scorer = &scorer;
    let one = |(index, (source, text)): (usize, Item)| -> Done<T> {
        let outcome = score_one(idx, scorer, &text);
        drop(text);
        let report = match &outcome {
            Outcome::District { .. } => return Done::Held(Row { index, source, outcome }),
            Outcome::Office { report } if idx.district_years.contains(&(report.office.district, report.year)) => {
                Some(report.clone())
            }
            _ => None,
        };
        Done::Mapped(map(Row { index, source, outcome }), report)
    };
    if threads <= 1 || chunk.len() < 2 || cfg!(target_arch = "wasm32") {
        return chunk.into_iter().map(one).collect();
    }
    let per = chunk.len().div_ceil(threads);
    let mut parts: Vec<Vec<(usize, Item)>> = Vec::with_capacity(threads);
    let mut rest = chunk.into_iter();
    loop {
        let part: Vec<(usize, Item)> = rest.by_ref().take(per).collect();
        if part.is_empty() {
            break;
        }
        parts.push(part);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(move || part.into_iter().map(one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            // core never panics on input; should a worker die, the panic goes on to the thread
            // that runs this chunk, whose caller gives every record of the chunk its row
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Scores records held in memory (JSON values). Every value yields one row.
pub fn score_values(values: &[Value], params: &Parameters) -> Vec<Row> {
    let texts: Vec<Item> = values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            (
                Source {
                    file: String::new(),
                    line: i + 1,
                },
                Ok(v.to_string()),
            )
        })
        .collect();
    score_items(&texts, params)
}

/// Scores items held in memory (default options): one row per item, in input order.
pub fn score_items(items: &[Item], params: &Parameters) -> Vec<Row> {
    let mut rows = Vec::with_capacity(items.len());
    score_stream(
        || items.iter().cloned(),
        params,
        &BatchOptions::default(),
        |r| rows.push(r),
    );
    rows.sort_by_key(|r| r.index);
    rows
}

/// Splits JSON-lines text into items (blank lines skipped, line numbers kept).
pub fn jsonl_items(text: &str, file: &str) -> Vec<Item> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            (
                Source {
                    file: file.into(),
                    line: i + 1,
                },
                Ok(l.to_string()),
            )
        })
        .collect()
}

/// Office reports of a set of rows.
pub fn office_reports(rows: &[Row]) -> impl Iterator<Item = &Report> {
    rows.iter().filter_map(|r| match &r.outcome {
        Outcome::Office { report } => Some(report.as_ref()),
        _ => None,
    })
}

/// Roll-up per district (in the city's order) and for the whole city, per year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DistrictSummary {
    /// Assessment year.
    pub year: i32,
    /// District, or `null` for the whole city.
    pub district: Option<District>,
    /// Roll-up of its offices.
    pub offices: Rollup,
    /// The district bureau's own score, when its record was in the batch.
    pub bureau_score: Option<f64>,
    /// The district bureau's own grade.
    pub bureau_grade: Option<crate::report::Grade>,
}

/// Roll-ups of every district and of the city, for every year in the rows.
pub fn district_summaries(rows: &[Row]) -> Vec<DistrictSummary> {
    let mut years: Vec<i32> = office_reports(rows).map(|r| r.year).collect();
    years.sort_unstable();
    years.dedup();
    let bureaus: Vec<&DistrictReport> = rows
        .iter()
        .filter_map(|r| match &r.outcome {
            Outcome::District { report } => Some(report.as_ref()),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for y in years {
        for d in District::ALL {
            let mine: Vec<&Report> = office_reports(rows)
                .filter(|r| r.year == y && r.office.district == d)
                .collect();
            let bureau = bureaus.iter().find(|b| b.year == y && b.district == d);
            if mine.is_empty() && bureau.is_none() {
                continue;
            }
            out.push(DistrictSummary {
                year: y,
                district: Some(d),
                offices: crate::report::rollup(mine.iter().copied()),
                bureau_score: bureau.map(|b| b.score),
                bureau_grade: bureau.map(|b| b.grade),
            });
        }
        let all: Vec<&Report> = office_reports(rows).filter(|r| r.year == y).collect();
        out.push(DistrictSummary {
            year: y,
            district: None,
            offices: crate::report::rollup(all.iter().copied()),
            bureau_score: None,
            bureau_grade: None,
        });
    }
    out
}

/// Why an input file could not be read at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot read `{file}`: {source}")]
pub struct ReadError {
    /// The file.
    pub file: String,
    /// The I/O error.
    #[source]
    pub source: std::io::Error,
}

fn io_item(file: &str, line: usize, reason: &str) -> Item {
    let mut c = Map::new();
    c.insert("reason".into(), json!(reason));
    c.insert("line".into(), json!(line));
    c.insert("column".into(), json!(0));
    (
        Source {
            file: file.into(),
            line,
        },
        Err(ValidationError::new(ErrorCode::InvalidJson, "", c)),
    )
}

/// Reads the items of one file lazily: a `.json` file holds one record or an array of records,
/// anything else is JSON lines (blank lines skipped). Invalid UTF-8 or an over-long line yields
/// an error item for that line; reading goes on.
///
/// # Errors
/// When the file cannot be opened.
pub fn file_items(path: &std::path::Path) -> Result<Box<dyn Iterator<Item = Item>>, ReadError> {
    use std::io::BufRead;
    let name = path.display().to_string();
    let err = |source| ReadError {
        file: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(err)?;
    let is_json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if is_json {
        let text = std::fs::read(path).map_err(err)?;
        let items: Vec<Item> = match String::from_utf8(text) {
            Err(_) => vec![io_item(&name, 1, "the file is not valid UTF-8")],
            Ok(text) => match crate::validate::parse_value(&text) {
                Ok(Value::Array(values)) => values
                    .into_iter()
                    .enumerate()
                    .map(|(i, v)| {
                        (
                            Source {
                                file: name.clone(),
                                line: i + 1,
                            },
                            Ok(v.to_string()),
                        )
                    })
                    .collect(),
                Ok(_) => vec![(
                    Source {
                        file: name.clone(),
                        line: 1,
                    },
                    Ok(text),
                )],
                Err(e) => vec![(
                    Source {
                        file: name.clone(),
                        line: 1,
                    },
                    Err(e),
                )],
            },
        };
        return Ok(Box::new(items.into_iter()));
    }
    // a large buffer: records are a few KB each, so the default 8 KB would mean a read per line
    let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
    let mut line_no = 0usize;
    let mut buf = Vec::new();
    let mut failed = false;
    Ok(Box::new(std::iter::from_fn(move || loop {
        if failed {
            return None; // a read error ends the file: it would only repeat
        }
        buf.clear();
        line_no += 1;
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return None,
            Err(e) => {
                failed = true;
                return Some(io_item(&name, line_no, &format!("read error: {e}")));
            }
            Ok(_) => {}
        }
        return Some(match jsonl_line(&buf) {
            None => continue,
            Some(Ok(text)) => (
                Source {
                    file: name.clone(),
                    line: line_no,
                },
                Ok(text.to_string()),
            ),
            Some(Err(())) => io_item(&name, line_no, "the line is not valid UTF-8"),
        });
    })))
}

/// What one line of a JSON-lines file is to a batch (read by [`file_items`] and by the first
/// pass's [`peek_range`] alike): `None`, a blank line (not an item); the record's text, trailing
/// whitespace trimmed; or `Err` when the line is not UTF-8 (an error item).
fn jsonl_line(line: &[u8]) -> Option<Result<&str, ()>> {
    if line.iter().all(u8::is_ascii_whitespace) {
        return None;
    }
    Some(std::str::from_utf8(line).map(str::trim_end).map_err(|_| ()))
}

/// Items of several files, one after another.
///
/// # Errors
/// When a file cannot be opened.
pub fn files_items(paths: &[std::path::PathBuf]) -> Result<impl Iterator<Item = Item>, ReadError> {
    let mut all = Vec::with_capacity(paths.len());
    for p in paths {
        all.push(file_items(p)?);
    }
    Ok(all.into_iter().flatten())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    /// Key, count, first index, ratio bits (NaN is "unknown"); and the district years.
    type Canonical = (Vec<(u64, u32, u32, u64)>, Vec<(District, i32)>);

    /// The index as comparable data.
    fn canonical(idx: &BatchIndex) -> Canonical {
        let mut seen: Vec<_> = idx
            .seen
            .iter()
            .map(|(k, s)| (*k, s.count, s.first, s.ratio.to_bits()))
            .collect();
        seen.sort_unstable();
        (seen, idx.district_years.clone())
    }

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// A JSON-lines file over 1 MB (so it is read in parts) with everything the line reader
    /// treats specially: a BOM, blank and whitespace-only lines, CRLF, a line that is not UTF-8,
    /// a line that is not JSON, a repeated office, and a last line without a newline.
    fn awkward_file(dir: &std::path::Path) -> PathBuf {
        let sample = std::fs::read_to_string(root().join("data/sample/offices-2023.jsonl")).unwrap();
        let lines: Vec<&str> = sample.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut out: Vec<u8> = "\u{feff}".into();
        for (i, l) in lines.iter().enumerate() {
            out.extend_from_slice(l.as_bytes());
            out.extend_from_slice(match i % 5 {
                0 => b"\r\n".as_slice(),
                1 => b"\n\n   \n".as_slice(),
                2 => b"\n\xff\xfe not utf-8\n".as_slice(),
                3 => b"\nnot json\n".as_slice(),
                _ => b"\n".as_slice(),
            });
        }
        out.extend_from_slice(lines[0].as_bytes()); // a repeat, without a final newline
        assert!(out.len() > 1 << 20, "large enough to be read in parts");
        let path = dir.join("awkward.jsonl");
        std::fs::write(&path, out).unwrap();
        path
    }

    #[test]
    fn files_read_in_parts_give_the_index_of_the_plain_first_pass() {
        let dir = std::env::temp_dir().join(format!("sifasuo-first-pass-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let json = dir.join("two.json");
        let one = std::fs::read_to_string(root().join("tests/examples/office-street-2023.json")).unwrap();
        std::fs::write(&json, format!("[{one}, {one}]")).unwrap();
        let mut paths: Vec<PathBuf> = ["offices-2022.jsonl", "offices-2024.jsonl", "districts.jsonl"]
            .iter()
            .map(|f| root().join("data/sample").join(f))
            .collect();
        paths.insert(1, awkward_file(&dir));
        paths.push(json);
        let plain = canonical(&first_pass(files_items(&paths).unwrap(), 1, 97));
        assert!(plain.0.iter().any(|s| s.1 > 1), "the input has repeated keys");
        assert!(!plain.1.is_empty(), "and district records");
        for threads in [1, 2, 3, 7] {
            // one range per thread, and many small ranges read a few at a time
            for range_bytes in [RANGE_BYTES, 64 << 10] {
                let parts = first_pass_files(&paths, threads, range_bytes).expect("readable files");
                assert!(
                    canonical(&parts) == plain,
                    "{threads} threads, {range_bytes}: the index differs"
                );
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn line_starts_are_line_starts() {
        let dir = std::env::temp_dir().join(format!("sifasuo-line-starts-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("lines.txt");
        let text = "a\nbb\n\nccc\ndddd";
        std::fs::write(&path, text).unwrap();
        let len = text.len() as u64;
        for parts in 1..=text.len() + 2 {
            let starts = line_starts(&path, len, parts).unwrap();
            assert_eq!(starts[0], 0);
            assert!(starts.windows(2).all(|w| w[0] < w[1]), "{parts}: {starts:?}");
            for s in &starts[1..] {
                assert_eq!(text.as_bytes()[*s as usize - 1], b'\n', "{parts}: {s} starts a line");
            }
        }
        std::fs::remove_dir_all(&dir).ok();
    }
}
