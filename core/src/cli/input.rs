//! Reading record files: a JSON document (one record or an array of records) or JSON lines,
//! from a file or standard input (`-`), one record at a time.
//!
//! - `.jsonl` / `.ndjson`: JSON lines, always.
//! - anything else, and standard input: a JSON document when the whole input is one JSON value,
//!   else JSON lines. JSON lines are read line by line, never loaded whole.
//!
//! Blank lines are skipped. A line that is not UTF-8 or longer than
//! [`MAX_RECORD_BYTES`] becomes an error item for that
//! line and reading goes on; an I/O error ends the file with an `Err`.

use serde::de::IgnoredAny;
use serde_json::{json, Map, Value};
use sifasuo::batch::{Item, ReadError, Source};
use sifasuo::validate::{ErrorCode, ValidationError, MAX_RECORD_BYTES};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Cursor, Read};
use std::path::Path;

/// One step of reading: a record (or why it could not be read), or an I/O error that ends the file.
pub type Step = Result<Item, ReadError>;

/// The records of one file (`-`: standard input), lazily.
pub fn read(path: &Path) -> Box<dyn Iterator<Item = Step>> {
    let name = path.display().to_string();
    if path.as_os_str() == "-" {
        return Box::new(Records::new(name, Box::new(std::io::stdin().lock()), false));
    }
    match std::fs::File::open(path) {
        Ok(f) => {
            let lines = path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson"));
            Box::new(Records::new(
                name,
                Box::new(BufReader::with_capacity(1 << 16, f)),
                lines,
            ))
        }
        Err(source) => Box::new(std::iter::once(Err(ReadError { file: name, source }))),
    }
}

/// Records of in-memory text (tests, and data already read).
#[cfg(test)]
pub fn read_text(name: &str, text: &[u8], lines: bool) -> Vec<Step> {
    Records::new(name.to_string(), Box::new(Cursor::new(text.to_vec())), lines).collect()
}

/// One line of input.
struct Line {
    /// 1-based line number.
    no: usize,
    /// The bytes, without the line break (empty when the line was too long).
    bytes: Vec<u8>,
    /// The length in bytes, when it is over the limit.
    too_long: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Not yet known whether this is one document or JSON lines.
    Auto,
    /// JSON lines.
    Lines,
    /// Nothing more to read.
    Done,
}

struct Records {
    name: String,
    reader: Box<dyn BufRead>,
    /// Lines consumed so far.
    line_no: usize,
    mode: Mode,
    queue: VecDeque<Step>,
}

fn error_item(file: &str, line: usize, code: ErrorCode, ctx: Map<String, Value>) -> Item {
    (
        Source {
            file: file.into(),
            line,
        },
        Err(ValidationError::new(code, "", ctx)),
    )
}

fn invalid_json(file: &str, line: usize, reason: &str) -> Item {
    let mut c = Map::new();
    c.insert("reason".into(), json!(reason));
    c.insert("line".into(), json!(line));
    c.insert("column".into(), json!(0));
    error_item(file, line, ErrorCode::InvalidJson, c)
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// `bytes` without a trailing `\n` or `\r\n`.
fn chomp(mut bytes: Vec<u8>) -> Vec<u8> {
    if bytes.last() == Some(&b'\n') {
        bytes.pop();
        if bytes.last() == Some(&b'\r') {
            bytes.pop();
        }
    }
    bytes
}

/// Reads one line into `buf` (at most `max` bytes are kept). Returns the bytes consumed.
fn read_line(reader: &mut dyn BufRead, buf: &mut Vec<u8>, max: usize) -> std::io::Result<(usize, bool)> {
    let mut total = 0usize;
    let mut over = false;
    loop {
        let avail = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if avail.is_empty() {
            return Ok((total, over));
        }
        let (n, done) = match avail.iter().position(|b| *b == b'\n') {
            Some(i) => (i + 1, true),
            None => (avail.len(), false),
        };
        if !over {
            if buf.len() + n > max + 2 {
                over = true;
                buf.clear();
            } else {
                buf.extend_from_slice(avail.get(..n).unwrap_or_default());
            }
        }
        reader.consume(n);
        total += n;
        if done {
            return Ok((total, over));
        }
    }
}

impl Records {
    fn new(name: String, reader: Box<dyn BufRead>, lines: bool) -> Records {
        let mode = if lines { Mode::Lines } else { Mode::Auto };
        Records {
            name,
            reader,
            line_no: 0,
            mode,
            queue: VecDeque::new(),
        }
    }

    fn io_error(&mut self, source: std::io::Error) -> Step {
        self.mode = Mode::Done;
        Err(ReadError {
            file: self.name.clone(),
            source,
        })
    }

    /// The next non-blank line; `None` at the end.
    fn next_line(&mut self) -> std::io::Result<Option<Line>> {
        loop {
            let mut buf = Vec::new();
            let (n, over) = read_line(self.reader.as_mut(), &mut buf, MAX_RECORD_BYTES)?;
            if n == 0 {
                return Ok(None);
            }
            self.line_no += 1;
            if over {
                return Ok(Some(Line {
                    no: self.line_no,
                    bytes: Vec::new(),
                    too_long: Some(n),
                }));
            }
            if !is_blank(&buf) {
                return Ok(Some(Line {
                    no: self.line_no,
                    bytes: chomp(buf),
                    too_long: None,
                }));
            }
        }
    }

    /// The item of one JSON line.
    fn line_item(&self, line: Line) -> Item {
        if let Some(bytes) = line.too_long {
            let mut c = Map::new();
            c.insert("bytes".into(), json!(bytes));
            c.insert("max".into(), json!(MAX_RECORD_BYTES));
            return error_item(&self.name, line.no, ErrorCode::InputTooLarge, c);
        }
        match String::from_utf8(line.bytes) {
            Ok(text) => (
                Source {
                    file: self.name.clone(),
                    line: line.no,
                },
                Ok(text),
            ),
            Err(_) => invalid_json(&self.name, line.no, "the line is not valid UTF-8"),
        }
    }

    /// Queues the records of a whole JSON document that starts on line `line`.
    fn document(&mut self, text: String, line: usize) {
        match sifasuo::validate::parse_value(&text) {
            Ok(Value::Array(values)) => {
                for (i, v) in values.into_iter().enumerate() {
                    self.queue.push_back(Ok((
                        Source {
                            file: self.name.clone(),
                            line: i + 1,
                        },
                        Ok(v.to_string()),
                    )));
                }
            }
            Ok(_) => self.queue.push_back(Ok((
                Source {
                    file: self.name.clone(),
                    line,
                },
                Ok(text),
            ))),
            Err(e) => self.queue.push_back(Ok((
                Source {
                    file: self.name.clone(),
                    line,
                },
                Err(e),
            ))),
        }
    }

    /// Reads from the start `bytes` (already consumed, starting at line `first_line`) again, then the rest.
    fn rewind(&mut self, bytes: Vec<u8>, first_line: usize) {
        let rest = std::mem::replace(&mut self.reader, Box::new(std::io::empty()));
        self.reader = Box::new(BufReader::with_capacity(1 << 16, Cursor::new(bytes).chain(rest)));
        self.line_no = first_line - 1;
        self.mode = Mode::Lines;
    }

    /// Decides between one document and JSON lines, from the first line (and more when needed).
    fn detect(&mut self) -> std::io::Result<()> {
        let Some(first) = self.next_line()? else {
            self.mode = Mode::Done;
            return Ok(());
        };
        let text = match (first.too_long, std::str::from_utf8(&first.bytes)) {
            (None, Ok(t)) => t.strip_prefix('\u{feff}').unwrap_or(t),
            _ => {
                self.mode = Mode::Lines;
                let item = self.line_item(first);
                self.queue.push_back(Ok(item));
                return Ok(());
            }
        };
        match serde_json::from_str::<IgnoredAny>(text) {
            // a complete value on the first line: one document if nothing follows, else JSON lines
            Ok(_) => match self.next_line()? {
                None => {
                    self.mode = Mode::Done;
                    let text = String::from_utf8(first.bytes).unwrap_or_default();
                    self.document(text, first.no);
                }
                Some(second) => {
                    self.mode = Mode::Lines;
                    let a = self.line_item(first);
                    let b = self.line_item(second);
                    self.queue.extend([Ok(a), Ok(b)]);
                }
            },
            // the value goes on: read the whole document
            Err(e) if e.is_eof() => {
                let first_no = first.no;
                let mut all = first.bytes;
                all.push(b'\n');
                let cap = (MAX_RECORD_BYTES + 1).saturating_sub(all.len()) as u64;
                self.reader.as_mut().take(cap).read_to_end(&mut all)?;
                if all.len() > MAX_RECORD_BYTES {
                    // too large for one document: it can only be JSON lines
                    self.rewind(all, first_no);
                    return Ok(());
                }
                match String::from_utf8(all) {
                    Ok(doc) if looks_like_lines(&doc) => self.rewind(doc.into_bytes(), first_no),
                    Ok(doc) => {
                        self.mode = Mode::Done;
                        self.document(doc, first_no);
                    }
                    Err(e) => self.rewind(e.into_bytes(), first_no),
                }
            }
            // not JSON on the first line: JSON lines with a bad first line
            Err(_) => {
                self.mode = Mode::Lines;
                let item = self.line_item(first);
                self.queue.push_back(Ok(item));
            }
        }
        Ok(())
    }
}

/// Whether text whose first line is an unfinished JSON value is JSON lines rather than one
/// (possibly broken) document: it is when a complete value is followed by more text, or when
/// the document is broken and a later line is a complete object by itself.
fn looks_like_lines(doc: &str) -> bool {
    let doc = doc.strip_prefix('\u{feff}').unwrap_or(doc);
    match serde_json::from_str::<IgnoredAny>(doc) {
        Ok(_) => false,
        Err(e) if e.to_string().starts_with("trailing characters") => true,
        Err(_) => doc.lines().skip(1).take(1000).any(|l| {
            let l = l.trim();
            l.starts_with('{') && serde_json::from_str::<IgnoredAny>(l).is_ok()
        }),
    }
}

impl Iterator for Records {
    type Item = Step;

    fn next(&mut self) -> Option<Step> {
        loop {
            if let Some(step) = self.queue.pop_front() {
                return Some(step);
            }
            match self.mode {
                Mode::Done => return None,
                Mode::Auto => {
                    if let Err(e) = self.detect() {
                        return Some(self.io_error(e));
                    }
                }
                Mode::Lines => {
                    return match self.next_line() {
                        Ok(Some(line)) => Some(Ok(self.line_item(line))),
                        Ok(None) => {
                            self.mode = Mode::Done;
                            None
                        }
                        Err(e) => Some(self.io_error(e)),
                    };
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(steps: &[Step]) -> Vec<(usize, bool)> {
        steps
            .iter()
            .map(|s| match s {
                Ok((src, r)) => (src.line, r.is_ok()),
                Err(_) => (0, false),
            })
            .collect()
    }

    #[test]
    fn one_pretty_document() {
        let steps = read_text("a.json", b"\n{\n  \"a\": 1\n}\n", false);
        assert_eq!(lines_of(&steps), [(2, true)]);
    }

    #[test]
    fn an_array_document_gives_one_item_per_element() {
        let steps = read_text("a.json", b"[\n{\"a\": 1},\n{\"b\": 2}\n]", false);
        assert_eq!(lines_of(&steps), [(1, true), (2, true)]);
        let steps = read_text("a.json", b"[{\"a\": 1}, {\"b\": 2}, 3]", false);
        assert_eq!(lines_of(&steps), [(1, true), (2, true), (3, true)]);
    }

    #[test]
    fn json_lines_are_detected_and_bad_lines_reported() {
        let steps = read_text("-", b"{\"a\": 1}\r\n\n{\"a\": \n\xff\xfe\n{\"a\": 3}\n", false);
        assert_eq!(lines_of(&steps), [(1, true), (3, true), (4, false), (5, true)]);
        // a bad first line
        let steps = read_text("-", b"nope\n{\"a\": 1}\n", false);
        assert_eq!(lines_of(&steps), [(1, true), (2, true)]);
        // a first line that does not end
        let steps = read_text("-", b"{\"a\": \n{\"a\": 1}\n{\"a\": 2}\n", false);
        assert_eq!(lines_of(&steps), [(1, true), (2, true), (3, true)]);
    }

    #[test]
    fn forced_lines_and_empty_input() {
        let steps = read_text("a.jsonl", b"{\n}\n", true);
        assert_eq!(lines_of(&steps), [(1, true), (2, true)]);
        assert!(read_text("a.json", b"", false).is_empty());
        assert!(read_text("a.json", b" \n\t\n", false).is_empty());
    }

    #[test]
    fn a_broken_document_is_one_error() {
        let steps = read_text("a.json", b"{\n\"a\": 1,\n\"a\": 2\n}\n", false);
        assert_eq!(steps.len(), 1);
        let Ok((_, Err(e))) = &steps[0] else {
            panic!("{steps:?}")
        };
        assert_eq!(e.code, ErrorCode::DuplicateKey);
    }

    #[test]
    fn invalid_utf8_document_falls_back_to_lines() {
        let steps = read_text("a.json", b"{\"a\": \n\xff}\n", false);
        assert_eq!(lines_of(&steps), [(1, true), (2, false)]);
    }
}
