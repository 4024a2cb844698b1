//! Personal data: resident ID numbers and mobile numbers, found and masked.
//!
//! No message, log line or report of sifasuo ever contains such a number: every user value
//! that is echoed goes through [`redact`].

/// What kind of personal number was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalKind {
    /// An 18-character resident identity number with a valid check digit (GB 11643).
    ResidentId,
    /// An 11-digit mainland mobile number (1[3-9]xxxxxxxxx).
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

fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        // full-width digits ０-９
        '\u{FF10}'..='\u{FF19}' => Some(u32::from(c) - 0xFF10),
        _ => None,
    }
}

fn id_check_ok(digits: &[u32], last: char) -> bool {
    const W: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    if digits.len() != 17 {
        return false;
    }
    let sum: u32 = digits.iter().zip(W.iter()).map(|(d, w)| d * w).sum();
    let expected = CHECK.get((sum % 11) as usize).copied();
    let last = match last {
        'x' | 'ｘ' | 'Ｘ' => 'X',
        c => ascii_digit(c)
            .and_then(|d| char::from_digit(d, 10))
            .unwrap_or(c),
    };
    expected == Some(last)
}

fn mask(chars: &[char], keep_front: usize, keep_back: usize) -> String {
    let n = chars.len();
    chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < keep_front || i + keep_back >= n {
                ascii_digit(*c)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or('X')
            } else {
                '*'
            }
        })
        .collect()
}

/// Every personal number in `text`, in order.
pub fn find(text: &str) -> Vec<Found> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        // a maximal run of digits (and a possible trailing X)
        let start = i;
        while chars.get(i).is_some_and(|c| ascii_digit(*c).is_some()) {
            i += 1;
        }
        let mut end = i;
        if end > start && matches!(chars.get(end), Some('x' | 'X' | 'ｘ' | 'Ｘ')) {
            end += 1;
        }
        let run = chars.get(start..end).unwrap_or(&[]);
        if run.len() == 18 {
            let digits: Vec<u32> = run.iter().take(17).filter_map(|c| ascii_digit(*c)).collect();
            if let Some(last) = run.last() {
                if id_check_ok(&digits, *last) {
                    out.push(Found {
                        kind: PersonalKind::ResidentId,
                        masked: mask(run, 4, 4),
                        range: (start, end),
                    });
                }
            }
        } else if run.len() == 11 && end == i {
            let d: Vec<u32> = run.iter().filter_map(|c| ascii_digit(*c)).collect();
            if d.first() == Some(&1) && d.get(1).is_some_and(|x| (3..=9).contains(x)) {
                out.push(Found {
                    kind: PersonalKind::Mobile,
                    masked: mask(run, 3, 4),
                    range: (start, end),
                });
            }
        }
        i = end.max(start + 1);
    }
    out
}

/// `text` with every personal number masked; long text is shortened for messages.
pub fn redact(text: &str) -> String {
    const MAX: usize = 60;
    let found = find(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut pos = 0;
    for f in &found {
        out.extend(chars.get(pos..f.range.0).unwrap_or(&[]));
        out.push_str(&f.masked);
        pos = f.range.1;
    }
    out.extend(chars.get(pos..).unwrap_or(&[]));
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
    fn ignores_id_with_bad_check_digit() {
        assert!(find("110105194912310021").is_empty());
    }

    #[test]
    fn finds_mobile_but_not_longer_runs() {
        let f = find("电话13812345678");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].masked, "138****5678");
        assert!(find("123812345678").is_empty());
        assert!(find("12812345678").is_empty());
        assert!(find("110105004").is_empty());
    }

    #[test]
    fn full_width_digits_count() {
        let f = find("１３８１２３４５６７８");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].masked, "138****5678");
    }
}
