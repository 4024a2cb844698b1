//! Markdown documentation generated from the rule catalogue (`docs/rules.md`).
//!
//! The catalogue ([`rules::catalogue`](crate::rules::catalogue)) is the one place rules are
//! declared; `docs/rules.md` is this module's output for [`Parameters::default`], and a test
//! fails when the checked-in file drifts from it.

use crate::params::Parameters;
use crate::rules::{catalogue, Dimension, Method, RuleInfo, Severity};
use crate::score::show_number;
use std::fmt::Write as _;

/// The plan's tasks (二、主要任务 and 三、工作要求), by number.
const TASKS: [(u8, &str); 18] = [
    (1, "坚持政治统领"),
    (2, "严格组织生活"),
    (3, "加强纪律作风建设"),
    (4, "深入推进基层政府依法行政"),
    (5, "深入推进矛盾纠纷化解工作"),
    (6, "加强普法依法治理工作"),
    (7, "依法开展社区矫正工作"),
    (8, "认真协调落实安置帮教措施"),
    (9, "强化基层公共法律服务供给"),
    (10, "强化工作力量配备"),
    (11, "强化提升政治素养和业务能力水平"),
    (12, "完善制度机制体系"),
    (13, "强化规范用房"),
    (14, "深化信息系统应用"),
    (15, "保障司法所工作人员岗位津贴"),
    (16, "加强组织领导"),
    (17, "强化工作措施"),
    (18, "及时总结推广"),
];

fn task_name(task: u8) -> &'static str {
    TASKS
        .iter()
        .find(|(n, _)| *n == task)
        .map_or("", |(_, name)| name)
}

/// A table cell: pipes escaped, line breaks removed.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn points(r: &RuleInfo) -> String {
    let sign = if r.severity == Severity::Bonus {
        "+"
    } else {
        ""
    };
    format!("{sign}{}†", show_number(r.points))
}

fn fields(r: &RuleInfo) -> String {
    r.fields
        .iter()
        .map(|f| format!("`{}`", cell(f)))
        .collect::<Vec<_>>()
        .join("<br>")
}

fn method_line(m: Method) -> &'static str {
    match m {
        Method::AllOrNothing => "full points or none (全扣全得).",
        Method::Coverage => {
            "points × part / whole; `pass` only at 100 %; `not_applicable` when the whole is 0, `fail` when the part is 0."
        }
        Method::PerUnit => {
            "points × share of the communities/villages it applies to that meet the requirement; `pass` only when all do; the failing units are named."
        }
        Method::Target => "points × min(1, value / target); a target of 0 is `not_applicable`.",
        Method::Checklist => "points × share of the listed items that hold; items that do not apply are dropped.",
        Method::Trend => "`pass` when this year's ratio is above last year's, or already 1.",
    }
}

fn severity_line(s: Severity) -> &'static str {
    match s {
        Severity::Veto => "一票否决: a fail makes the grade 不达标 (`non_compliant`) whatever the score.",
        Severity::Mandatory => {
            "硬性指标 (an explicit number or 全覆盖 in the plan): a fail, or a partial result, caps the grade at 基本达标 (`basically_compliant`, 限期整改)."
        }
        Severity::Standard => "points only.",
        Severity::Bonus => {
            "鼓励 / 有条件的 / 探索: adds its points when met; when not met it reports `fail` with 0 points but never lowers the score or the grade and is never listed as a problem; the total stays ≤ 100."
        }
    }
}

fn rule_table(out: &mut String, rules: &[&RuleInfo], with_year: bool) {
    if with_year {
        out.push_str(
            "| id | task | year | clause | quote | method | points | severity | fields |\n",
        );
        out.push_str("|---|---|---|---|---|---|---|---|---|\n");
    } else {
        out.push_str("| id | task | clause | quote | method | points | severity | fields |\n");
        out.push_str("|---|---|---|---|---|---|---|---|\n");
    }
    for r in rules {
        let task = if r.task == 0 {
            "—".to_string()
        } else {
            r.task.to_string()
        };
        let year = if with_year {
            format!(" {} |", r.year.map_or("all".to_string(), |y| y.to_string()))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "| `{}` | {task} |{year} {} | {} | `{}` | {} | {} | {} |",
            r.id,
            cell(&r.clause),
            cell(&r.quote),
            r.method.as_str(),
            points(r),
            r.severity.as_str(),
            fields(r),
        );
    }
    out.push('\n');
}

fn sum_points<'a>(rules: impl Iterator<Item = &'a &'a RuleInfo>) -> f64 {
    rules
        .filter(|r| r.severity != Severity::Bonus)
        .map(|r| r.points)
        .sum()
}

/// The rule catalogue, thresholds, targets and grade bands of `p` as Markdown
/// (`docs/rules.md` is this for [`Parameters::default`]).
///
/// # Example
/// ```
/// let md = sifasuo::docs::rules_markdown(&sifasuo::Parameters::default());
/// assert!(md.contains("| `t13-total-area` | 13 |"));
/// ```
pub fn rules_markdown(p: &Parameters) -> String {
    let all = catalogue(p);
    let office: Vec<&RuleInfo> = all.iter().filter(|r| r.applies_to == "office").collect();
    let district: Vec<&RuleInfo> = all.iter().filter(|r| r.applies_to == "district").collect();
    let mut out = String::new();
    let std_id = p.standard.id();

    let _ = writeln!(out, "# Rules of edition `{std_id}` (京司发〔2022〕42号)\n");
    out.push_str(
        "<!-- Generated by `sifasuo::docs::rules_markdown` from the rule catalogue; do not edit by hand.\n     \
         Regenerate with: SIFASUO_BLESS=1 cargo test -p sifasuo --test docs -->\n\n",
    );
    out.push_str(
        "Every requirement of 《全市司法所规范化建设三年行动方案（2022—2024年）》 as a rule: a stable id \
         (`tNN-…` for task NN of the plan, `yNNNN-…` for the year target of year NNNN), the clause it comes \
         from, a quote that appears verbatim in [the plan's text](source/bj-sfj-2022-42.txt), a scoring \
         method, points and a severity. Findings appear in reports in the order of these tables.\n\n",
    );
    let _ = writeln!(
        out,
        "**†** All points, severities and targets are **project defaults** (parameters `{}`), not numbers \
         from the plan; a district may hold itself to a stricter standard with a parameters override, whose \
         id then appears in every report it produced. The thresholds (120 m², 30 m², 3, 1, 1) are the plan's \
         own numbers.\n",
        p.id
    );

    out.push_str("## Methods\n\n");
    for m in [
        Method::AllOrNothing,
        Method::Coverage,
        Method::PerUnit,
        Method::Target,
        Method::Checklist,
        Method::Trend,
    ] {
        let _ = writeln!(out, "- `{}` — {}", m.as_str(), method_line(m));
    }
    out.push_str(
        "\nA field that is absent (or `null`) gives `missing_data`, naming the fields to fill in; a rule that \
         does not apply gives `not_applicable` with the reason and counts neither earned nor maximum points.\n\n",
    );
    out.push_str("## Severities\n\n");
    for s in [
        Severity::Veto,
        Severity::Mandatory,
        Severity::Standard,
        Severity::Bonus,
    ] {
        let _ = writeln!(out, "- `{}` — {}", s.as_str(), severity_line(s));
    }
    out.push('\n');

    let _ = writeln!(
        out,
        "## Office rules (`sifasuo.office/1`)\n\nThe four headings of the plan; their points sum to {}†, \
         bonus rules (+) add on top and the score is capped at 100.\n",
        show_number(sum_points(office.iter()))
    );
    for d in Dimension::OFFICE {
        let rules: Vec<&RuleInfo> = office
            .iter()
            .copied()
            .filter(|r| r.dimension == d)
            .collect();
        let _ = writeln!(
            out,
            "### {} (`{}`) — {}†\n",
            d.name_zh(),
            d.id(),
            show_number(sum_points(rules.iter()))
        );
        let mut tasks: Vec<u8> = rules.iter().map(|r| r.task).collect();
        tasks.dedup();
        let per_task: Vec<String> = tasks
            .iter()
            .map(|t| {
                let pts = sum_points(rules.iter().filter(|r| r.task == *t));
                format!("{t}. {} {}†", task_name(*t), show_number(pts))
            })
            .collect();
        let _ = writeln!(out, "Tasks: {}\n", per_task.join(" · "));
        rule_table(&mut out, &rules, false);
    }

    let year_points = district
        .iter()
        .find(|r| r.year.is_some())
        .map_or(0.0, |r| r.points);
    let _ = writeln!(
        out,
        "## District rules (`sifasuo.district/1`)\n\nA district bureau is scored on these rules (out of {}†: \
         the rules for every year plus the one year rule of the record's year; the other years' rules are \
         not reported) and, beside that score, on the roll-up of its offices: count, mean score, grades, \
         compliance rate and problem list.\n",
        show_number(sum_points(district.iter().filter(|r| r.year.is_none())) + year_points)
    );
    rule_table(&mut out, &district, true);

    let t = &p.thresholds;
    out.push_str("## Thresholds (the plan's numbers)\n\n| parameter | value | rules | quote |\n|---|---|---|---|\n");
    for (key, value, rules, quote) in [
        (
            "total_area_m2",
            t.total_area_m2,
            "`t13-total-area`",
            "司法所用房面积不低于120平方米",
        ),
        (
            "business_area_m2",
            t.business_area_m2,
            "`t13-business-area`",
            "其中业务功能用房面积不低于30平方米",
        ),
        (
            "legal_savvy_persons",
            t.legal_savvy_persons,
            "`t06-legal-savvy-persons`",
            "每个行政村至少培养3名乡村“法律明白人”",
        ),
        (
            "culture_sites",
            t.culture_sites,
            "`t06-subdistrict-culture-site`, `t06-unit-culture-sites`",
            "每个街道（乡镇）和社区（村）至少建设1个法治文化阵地",
        ),
        (
            "legal_professionals",
            t.legal_professionals,
            "`t10-legal-professional`",
            "司法所至少有1名法律专业人员",
        ),
    ] {
        let _ = writeln!(
            out,
            "| `{key}` | {} | {rules} | {quote} |",
            show_number(value)
        );
    }

    let g = &p.targets;
    out.push_str("\n## Targets †\n\n| parameter | value | rule |\n|---|---|---|\n");
    for (key, value, rule) in [
        (
            "analysis_meetings",
            g.analysis_meetings,
            "`t07-analysis-meetings` (when the record gives no `required`)",
        ),
        (
            "special_campaigns",
            g.special_campaigns,
            "`t09-special-campaigns`",
        ),
        (
            "training_sessions",
            g.training_sessions,
            "`t11-business-training`",
        ),
        (
            "district_inspections",
            g.district_inspections,
            "`t17-inspections`",
        ),
        (
            "district_training_sessions",
            g.district_training_sessions,
            "`t11-district-training`",
        ),
        (
            "experiences_promoted",
            g.experiences_promoted,
            "`t18-experience-promotion`",
        ),
        (
            "typical_experiences",
            g.typical_experiences,
            "`y2024-typical-experiences`",
        ),
    ] {
        let _ = writeln!(out, "| `{key}` | {} | {rule} |", show_number(value));
    }

    let b = &p.grades;
    let _ = writeln!(
        out,
        "\n## Grades †\n\nScore = 100 × earned / applicable maximum, plus bonus, capped at 100; each heading \
         the same way over its own rules (`null` when none applies). Grades are decided on exact values, in \
         this order:\n\n\
         1. `incomplete` (待补充) — a mandatory or veto rule is `missing_data`.\n\
         2. `non_compliant` (不达标) — a veto rule fails, or the score is below {}.\n\
         3. `basically_compliant` (基本达标) — the score is below {}, or a mandatory rule fails or is partial (限期整改).\n\
         4. `exemplary` (示范) — the score is at least {} and every heading reaches {} % of its maximum.\n\
         5. `compliant` (达标) — otherwise.",
        show_number(b.non_compliant_below),
        show_number(b.compliant_from),
        show_number(b.exemplary_from),
        show_number(b.exemplary_dimension_share * 100.0),
    );
    out
}
