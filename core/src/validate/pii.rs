//! Personal data: resident ID numbers and mobile numbers, found and masked.
//!
//! No message, log line or report of sifasuo ever contains such a number: every user value
//! that is echoed goes through [`redact`], and [`ValidationError::new`](super::ValidationError::new)
//! masks its context once more.
//!
//! Two strictnesses: [`find`] (what is *reported* as personal data) wants an ID number with a
//! valid check digit, so that an 18-digit statistical code is not flagged; [`redact`] (what is
//! *masked* before echoing) also masks ID-shaped numbers whose check digit is wrong.

/// What kind of personal number was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalKind {
    /// An 18-character resident identity number with a valid check digit (GB 11643).
    ResidentId,
    /// An 11-digit mainland mobile number (`1[3-9]` and nine digits), also written
    /// `+86 138…`, `0086138…`, `138-1234-5678` or `138 1234 5678`.
    Mobile,
}

impl PersonalKind {
    /// Stable identifier used in error contexts.
    pub fn as_str(self) -> &'static str {
        match self {
            PersonalKind::ResidentId => "resident_id",
            PersonalKind::Mobile => "mobile",
        }
    }
}

/// One personal number inside a string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Kind of number.
    pub kind: PersonalKind,
    /// The number with its middle replaced by `*`.
    pub masked: String,
    /// Char range in the input (start, end).
    range: (usize, usize),
}

/// The value of an ASCII or full-width digit.
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        // full-width digits ０-９
        '\u{FF10}'..='\u{FF19}' => Some(u32::from(c) - 0xFF10),
        _ => None,
    }
}

fn is_x(c: Option<&char>) -> bool {
    matches!(c, Some('x' | 'X' | 'ｘ' | 'Ｘ'))
}

fn id_check_ok(digits: &[u32], last: char) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    if digits.len() != 17 {
        return false;
    }
    let sum: u32 = digits.iter().zip(W.iter()).map(|(d, w)| d * w).sum();
    let expected = CHECK.get((sum % 11) as usize).copied();
    let last = if is_x(Some(&last)) {
        'X'
    } else {
        digit(last).and_then(|d| char::from_digit(d, 10)).unwrap_or(last)
    };
    expected == Some(last)
}

/// `chars` with every digit except the first `keep_front` and last `keep_back` digits replaced
/// by `*`; separators are kept, full-width digits become ASCII.
fn mask(chars: &[char], keep_front: usize, keep_back: usize) -> String {
    let total = chars.iter().filter(|c| digit(**c).is_some() || is_x(Some(c))).count();
    let mut seen = 0;
    chars
        .iter()
        .map(|c| {
            if digit(*c).is_none() && !is_x(Some(c)) {
                return *c;
            }
            seen += 1;
            if seen <= keep_front || seen + keep_back > total {
                digit(*c).and_then(|d| char::from_digit(d, 10)).unwrap_or('X')
            } else {
                '*'
            }
        })
        .collect()
}

fn mobile_prefix_ok(d: &[u32]) -> bool {
    d.first() == Some(&1) && d.get(1).is_some_and(|x| (3..=9).contains(x))
}

/// A maximal run of digits: char range and digit values.
struct Run {
    start: usize,
    end: usize,
    digits: Vec<u32>,
}

fn runs(chars: &[char]) -> Vec<Run> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars.get(i).and_then(|c| digit(*c)).is_none() {
            i += 1;
            continue;
        }
        let start = i;
        let mut digits = Vec::new();
        while let Some(d) = chars.get(i).and_then(|c| digit(*c)) {
            digits.push(d);
            i += 1;
        }
        out.push(Run { start, end: i, digits });
    }
    out
}

fn is_separator(c: Option<&char>) -> bool {
    matches!(c, Some('-' | ' ' | '\u{2010}'..='\u{2015}' | '\u{3000}' | '－'))
}

/// Personal numbers in `text`. `strict`: only what is certainly personal (ID numbers with a valid
/// check digit, mobile numbers starting 13–19); else everything shaped like one.
fn scan(text: &str, strict: bool) -> Vec<Found> {
    // most texts have no digit at all: nothing to find, and no need to look at them char by char
    if !text.chars().any(|c| digit(c).is_some()) {
        return Vec::new();
    }
    let chars: Vec<char> = text.chars().collect();
    let runs = runs(&chars);
    let mut out = Vec::new();
    let mut skip_until = 0;
    for (n, run) in runs.iter().enumerate() {
        if run.start < skip_until {
            continue;
        }
        let len = run.digits.len();
        let x_follows = is_x(chars.get(run.end));
        let slice = |s: usize, e: usize| chars.get(s..e).unwrap_or(&[]);
        // an 18-character ID number: 17 digits and a digit or X
        let id = match (len, x_follows) {
            (17, true) => Some(run.end + 1),
            (18, false) => Some(run.end),
            _ => None,
        };
        if let Some(end) = id {
            let ok = !strict
                || chars
                    .get(end - 1)
                    .is_some_and(|last| id_check_ok(run.digits.get(..17).unwrap_or(&[]), *last));
            if ok {
                out.push(Found {
                    kind: PersonalKind::ResidentId,
                    masked: mask(slice(run.start, end), 4, 4),
                    range: (run.start, end),
                });
            }
            continue;
        }
        if x_follows {
            continue;
        }
        // a mobile number, alone or after 86 / 0086
        let offset = match len {
            11 => Some(0),
            13 if run.digits.starts_with(&[8, 6]) => Some(2),
            15 if run.digits.starts_with(&[0, 0, 8, 6]) => Some(4),
            _ => None,
        };
        if let Some(off) = offset {
            // masking (not strict) hides every 11-digit number, whatever it starts with
            if !strict || mobile_prefix_ok(run.digits.get(off..).unwrap_or(&[])) {
                let start = run.start + off;
                out.push(Found {
                    kind: PersonalKind::Mobile,
                    masked: mask(slice(start, run.end), 3, 4),
                    range: (start, run.end),
                });
            }
            continue;
        }
        // 138-1234-5678, 138 1234 5678
        if len == 3 && mobile_prefix_ok(&run.digits) {
            if let (Some(b), Some(c)) = (runs.get(n + 1), runs.get(n + 2)) {
                let grouped = b.digits.len() == 4
                    && c.digits.len() == 4
                    && b.start == run.end + 1
                    && c.start == b.end + 1
                    && is_separator(chars.get(run.end))
                    && is_separator(chars.get(b.end))
                    && !is_x(chars.get(c.end));
                if grouped {
                    out.push(Found {
                        kind: PersonalKind::Mobile,
                        masked: mask(slice(run.start, c.end), 3, 4),
                        range: (run.start, c.end),
                    });
                    skip_until = c.end;
                }
            }
        }
    }
    out
}

/// Every personal number in `text`, in order (ID numbers only with a valid check digit).
pub fn find(text: &str) -> Vec<Found> {
    scan(text, true)
}

/// `text` with every personal number masked, including ID-shaped numbers with a wrong check
/// digit and any 11-digit number; nothing is shortened.
pub fn mask_all(text: &str) -> String {
    let found = scan(text, false);
    if found.is_empty() {
        return text.to_string();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for f in &found {
        out.extend(chars.get(pos..f.range.0).unwrap_or(&[]));
        out.push_str(&f.masked);
        pos = f.range.1;
    }
    out.extend(chars.get(pos..).unwrap_or(&[]));
    out
}

/// `text` as it may be echoed in a message: personal numbers masked ([`mask_all`]), and
/// shortened to 60 characters and `…`.
pub fn redact(text: &str) -> String {
    const MAX: usize = 60;
    // only the start is shown: mask a little more than that, so a number cut at the edge is masked too
    let head: String = text.chars().take(MAX + 20).collect();
    let out = mask_all(&head);
    if out.chars().count() > MAX {
        let mut short: String = out.chars().take(MAX).collect();
        short.push('…');
        short
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_valid_id_and_masks_it() {
        // 11010519491231002X is the GB 11643 standard's example number
        let f = find("身份证11010519491231002X。");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].kind, PersonalKind::ResidentId);
        assert_eq!(f[0].masked, "1101**********002X");
        assert_eq!(redact("证号11010519491231002X"), "证号1101**********002X");
    }

    #[test]
    fn ignores_id_with_bad_check_digit_but_masks_it() {
        assert!(find("110105194912310021").is_empty());
        assert_eq!(redact("110105194912310021"), "1101**********0021");
    }

    #[test]
    fn finds_mobile_but_not_longer_runs() {
        let f = find("电话13812345678");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].masked, "138****5678");
        assert!(find("123812345678").is_empty());
        assert!(find("12812345678").is_empty());
        assert!(find("110105004").is_empty());
        assert!(find("1381234567812").is_empty());
    }

    #[test]
    fn finds_mobile_with_country_code_and_separators() {
        for (text, masked) in [
            ("+8613812345678", "138****5678"),
            ("008613812345678", "138****5678"),
            ("+86 138 1234 5678", "138 **** 5678"),
            ("138-1234-5678", "138-****-5678"),
        ] {
            let f = find(text);
            assert_eq!(f.len(), 1, "{text}");
            assert_eq!(f[0].kind, PersonalKind::Mobile);
            assert_eq!(f[0].masked, masked);
            assert!(!mask_all(text).contains("1234"), "{text}");
        }
        assert!(find("128-1234-5678").is_empty());
        assert!(find("138-1234-56789").is_empty());
        assert!(find("2023-0101-1234").is_empty());
    }

    #[test]
    fn full_width_digits_count() {
        let f = find("１３８１２３４５６７８");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].masked, "138****5678");
    }

    #[test]
    fn redact_is_idempotent_and_short() {
        let long = format!("{}13812345678", "字".repeat(55));
        let once = redact(&long);
        assert!(!once.contains("13812345678"));
        assert_eq!(once.chars().count(), 61);
        assert_eq!(mask_all(&once), once);
    }
}
