//! The rectification ledger (台账，逐项销号): problems of one year followed into later years.
//!
//! Records are matched by `office.code`. For every pair of years of an office (earlier, later),
//! each rule is classified: `closed` (销号: a problem before, passes or no longer applies now),
//! `open` (a problem both years), `regressed` (passed before, a problem now) or `new` (a problem
//! now that was neither a problem nor a pass before).

use crate::model::District;
use crate::report::{Finding, Report, Text};
use crate::rules::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How a problem moved between two years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// 销号: fixed.
    Closed,
    /// Still a problem.
    Open,
    /// Passed before, a problem now.
    Regressed,
    /// A problem now, neither a problem nor a pass before.
    New,
}

impl Movement {
    /// Chinese name.
    pub fn name_zh(self) -> &'static str {
        match self {
            Movement::Closed => "已销号",
            Movement::Open => "未整改",
            Movement::Regressed => "反弹",
            Movement::New => "新增",
        }
    }
}

/// One rule of one office between two years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LedgerItem {
    /// Rule id.
    pub rule: Text,
    /// Clause.
    pub clause: Text,
    /// Movement.
    pub movement: Movement,
    /// Status in the earlier year.
    pub before: Status,
    /// Status in the later year.
    pub after: Status,
    /// The later year's message (Chinese).
    pub message: Text,
}

/// Tallies of movements and the closure rate.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Tally {
    /// Problems of the earlier year.
    pub problems_before: usize,
    /// Closed.
    pub closed: usize,
    /// Open.
    pub open: usize,
    /// Regressed.
    pub regressed: usize,
    /// New.
    pub new: usize,
    /// closed / problems_before (four decimals); `null` when there were none.
    pub closure_rate: Option<f64>,
}

impl Tally {
    fn add(&mut self, m: Movement) {
        match m {
            Movement::Closed => self.closed += 1,
            Movement::Open => self.open += 1,
            Movement::Regressed => self.regressed += 1,
            Movement::New => self.new += 1,
        }
    }

    fn merge(&mut self, o: &Tally) {
        self.problems_before += o.problems_before;
        self.closed += o.closed;
        self.open += o.open;
        self.regressed += o.regressed;
        self.new += o.new;
    }

    fn finish(&mut self) {
        self.closure_rate = (self.problems_before > 0)
            .then(|| ((self.closed as f64 / self.problems_before as f64) * 10_000.0).round() / 10_000.0);
    }
}

/// One office between two years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OfficeLedger {
    /// Office code.
    pub code: String,
    /// Office name (later year).
    pub name: String,
    /// District.
    pub district: District,
    /// Earlier year.
    pub from_year: i32,
    /// Later year.
    pub to_year: i32,
    /// Tallies.
    pub tally: Tally,
    /// Every rule that was or is a problem.
    pub items: Vec<LedgerItem>,
}

/// Tallies of a district or the city between two years.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AreaLedger {
    /// District, `null` for the city.
    pub district: Option<District>,
    /// Earlier year.
    pub from_year: i32,
    /// Later year.
    pub to_year: i32,
    /// Offices compared.
    pub offices: usize,
    /// Tallies.
    pub tally: Tally,
}

/// The whole ledger.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ledger {
    /// Per office and pair of years.
    pub offices: Vec<OfficeLedger>,
    /// Per district and pair of years (city order).
    pub districts: Vec<AreaLedger>,
    /// The city, per pair of years.
    pub city: Vec<AreaLedger>,
}

/// Why a ledger could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum LedgerError {
    /// The same office twice in one year.
    #[error("office `{code}` has more than one record for {year}: keep one")]
    Duplicate {
        /// Office code.
        code: String,
        /// Year.
        year: i32,
    },
}

fn is_problem(f: &Finding) -> bool {
    f.is_problem()
}

fn compare(before: &Report, after: &Report) -> OfficeLedger {
    let mut tally = Tally::default();
    let mut items = Vec::new();
    for a in &after.findings {
        let Some(b) = before.findings.iter().find(|b| b.rule == a.rule) else {
            continue;
        };
        let movement = match (is_problem(b), is_problem(a)) {
            (true, true) => Some(Movement::Open),
            (true, false) => Some(Movement::Closed),
            (false, true) if b.status == Status::Pass => Some(Movement::Regressed),
            (false, true) => Some(Movement::New),
            (false, false) => None,
        };
        if is_problem(b) {
            tally.problems_before += 1;
        }
        if let Some(m) = movement {
            tally.add(m);
            items.push(LedgerItem {
                rule: a.rule.clone(),
                clause: a.clause.clone(),
                movement: m,
                before: b.status,
                after: a.status,
                message: if m == Movement::Closed {
                    b.message.clone()
                } else {
                    a.message.clone()
                },
            });
        }
    }
    tally.finish();
    OfficeLedger {
        code: after.office.code.clone(),
        name: after.office.name.clone(),
        district: after.office.district,
        from_year: before.year,
        to_year: after.year,
        tally,
        items,
    }
}

/// Builds the ledger of office reports spanning years: for each office, every pair of its years
/// (2022→2023, 2023→2024 and 2022→2024 when all three are present).
///
/// # Errors
/// [`LedgerError::Duplicate`] when an office has two reports for one year.
pub fn ledger<'a>(reports: impl IntoIterator<Item = &'a Report>) -> Result<Ledger, LedgerError> {
    let mut by_code: BTreeMap<&str, BTreeMap<i32, &Report>> = BTreeMap::new();
    let mut order: Vec<&str> = Vec::new();
    for r in reports {
        let years = by_code.entry(r.office.code.as_str()).or_insert_with(|| {
            order.push(r.office.code.as_str());
            BTreeMap::new()
        });
        if years.insert(r.year, r).is_some() {
            return Err(LedgerError::Duplicate {
                code: crate::validate::pii::redact(&r.office.code),
                year: r.year,
            });
        }
    }
    let mut offices = Vec::new();
    for code in order {
        let Some(years) = by_code.get(code) else { continue };
        let list: Vec<&&Report> = years.values().collect();
        for (i, before) in list.iter().enumerate() {
            for after in list.iter().skip(i + 1) {
                offices.push(compare(before, after));
            }
        }
    }
    let mut pairs: Vec<(i32, i32)> = offices.iter().map(|o| (o.from_year, o.to_year)).collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut districts = Vec::new();
    let mut city = Vec::new();
    for &(from, to) in &pairs {
        let in_pair: Vec<&OfficeLedger> = offices
            .iter()
            .filter(|o| o.from_year == from && o.to_year == to)
            .collect();
        let area = |d: Option<District>| {
            let mut t = Tally::default();
            let mut n = 0;
            for o in in_pair.iter().filter(|o| d.is_none_or(|d| o.district == d)) {
                t.merge(&o.tally);
                n += 1;
            }
            t.finish();
            AreaLedger {
                district: d,
                from_year: from,
                to_year: to,
                offices: n,
                tally: t,
            }
        };
        for d in District::ALL {
            let a = area(Some(d));
            if a.offices > 0 {
                districts.push(a);
            }
        }
        city.push(area(None));
    }
    Ok(Ledger {
        offices,
        districts,
        city,
    })
}
