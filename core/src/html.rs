//! A self-contained HTML report of a batch: no scripts, no network, prints well.

use crate::batch::{district_summaries, office_reports, DistrictSummary, Row};
use crate::ledger::Ledger;
use crate::model::District;
use crate::report::{Grade, Report};
use std::fmt::Write;

/// Escapes text for HTML.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const CSS: &str = r#"
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;margin:2em auto;max-width:1100px;color:#222;line-height:1.5;padding:0 1em}
h1{font-size:1.6em;border-bottom:3px solid #8b1a1a;padding-bottom:.3em}
h2{font-size:1.3em;margin-top:2em;border-left:5px solid #8b1a1a;padding-left:.5em}
h3{font-size:1.1em;margin-top:1.5em}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:.9em}
th,td{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3eeee}
td.num,th.num{text-align:right}
.note{color:#666;font-size:.85em}
.g-exemplary{color:#1b6e20;font-weight:bold}.g-compliant{color:#2e7d32}.g-basically_compliant{color:#b26a00}
.g-non_compliant{color:#b71c1c;font-weight:bold}.g-incomplete{color:#555}
ul.problems{margin:.2em 0;padding-left:1.2em;font-size:.85em}
.synthetic{background:#fff3cd;border:1px solid #e0c060;padding:.5em 1em}
@media print{body{margin:0;max-width:none}h2{page-break-before:always}h2.first{page-break-before:avoid}section.district{page-break-inside:auto}tr{page-break-inside:avoid}}
"#;

fn grade_color(g: Grade) -> &'static str {
    match g {
        Grade::Exemplary => "#1b6e20",
        Grade::Compliant => "#66bb6a",
        Grade::BasicallyCompliant => "#ffb74d",
        Grade::NonCompliant => "#e53935",
        Grade::Incomplete => "#9e9e9e",
    }
}

fn pct(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{:.1}%", v * 100.0))
}

fn num(x: Option<f64>) -> String {
    x.map_or("—".into(), |v| format!("{v:.1}"))
}

/// Stacked horizontal bars: grade distribution per district for one year.
fn grade_chart(summaries: &[&DistrictSummary]) -> String {
    let row_h = 22;
    let label_w = 150;
    let bar_w = 600;
    let legend_h = 30;
    let h = legend_h + row_h * summaries.len() + 10;
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{h}" role="img" aria-label="各区司法所等级分布" font-size="12">"#,
        label_w + bar_w + 60
    );
    for (i, g) in Grade::ALL.iter().enumerate() {
        let x = label_w + i * 110;
        let _ = write!(
            s,
            r#"<rect x="{x}" y="5" width="12" height="12" fill="{}"/><text x="{}" y="15">{}</text>"#,
            grade_color(*g),
            x + 16,
            g.name_zh()
        );
    }
    for (i, d) in summaries.iter().enumerate() {
        let y = legend_h + i * row_h;
        let name = d.district.map_or("全市", District::name_zh);
        let _ = write!(
            s,
            r#"<text x="{}" y="{}" text-anchor="end">{}</text>"#,
            label_w - 6,
            y + 15,
            escape(name)
        );
        let total = d.offices.grades.total().max(1) as f64;
        let mut x = label_w as f64;
        for g in Grade::ALL {
            let n = d.offices.grades.get(g);
            if n == 0 {
                continue;
            }
            let w = bar_w as f64 * n as f64 / total;
            let _ = write!(
                s,
                r#"<rect x="{x:.1}" y="{}" width="{w:.1}" height="{}" fill="{}"><title>{} {}：{}个</title></rect>"#,
                y + 3,
                row_h - 6,
                grade_color(g),
                escape(name),
                g.name_zh(),
                n
            );
            if w > 18.0 {
                let _ = write!(
                    s,
                    r#"<text x="{:.1}" y="{}" text-anchor="middle" fill="white">{n}</text>"#,
                    x + w / 2.0,
                    y + 15
                );
            }
            x += w;
        }
        let _ = write!(
            s,
            r#"<text x="{}" y="{}">{}</text>"#,
            label_w + bar_w + 6,
            y + 15,
            d.offices.count
        );
    }
    s.push_str("</svg>");
    s
}

fn office_rows(s: &mut String, reports: &[&Report]) {
    s.push_str("<table><thead><tr><th>司法所</th><th>代码</th><th class=num>得分</th><th>等级</th><th>问题清单</th></tr></thead><tbody>");
    for r in reports {
        let _ = write!(
            s,
            "<tr><td>{}</td><td>{}</td><td class=num>{:.1}</td><td class=\"g-{}\">{}</td><td>",
            escape(&r.office.name),
            escape(&r.office.code),
            r.score,
            r.grade.as_str(),
            r.grade.name_zh()
        );
        let problems = r.problems();
        if problems.is_empty() {
            s.push('无');
        } else {
            s.push_str("<ul class=problems>");
            for p in problems {
                let _ = write!(s, "<li>〔{}〕{}</li>", escape(&p.clause), escape(&p.message));
            }
            s.push_str("</ul>");
        }
        s.push_str("</td></tr>");
    }
    s.push_str("</tbody></table>");
}

/// Renders the report. `title_note` is shown under the title (e.g. "合成示例数据").
pub fn render(rows: &[Row], ledger: Option<&Ledger>, sources: &[String], title_note: Option<&str>) -> String {
    let summaries = district_summaries(rows);
    let years: Vec<i32> = {
        let mut y: Vec<i32> = summaries.iter().map(|s| s.year).collect();
        y.dedup();
        y
    };
    let latest = years.last().copied();
    let invalid = rows
        .iter()
        .filter(|r| matches!(r.outcome, crate::batch::Outcome::Invalid { .. }))
        .count();
    let mut s = String::new();
    let _ = write!(
        s,
        "<!DOCTYPE html><html lang=zh-CN><head><meta charset=utf-8><title>全市司法所规范化建设评估报告</title><style>{CSS}</style></head><body>"
    );
    s.push_str("<h1>全市司法所规范化建设评估报告</h1>");
    let _ = write!(
        s,
        "<p class=note>依据：京司发〔2022〕42号《全市司法所规范化建设三年行动方案（2022—2024年）》；评分参数：{}；数据：{}；共{}条记录，其中{}条未通过校验。</p>",
        escape(office_reports(rows).next().map_or("—", |r| r.parameters.as_str())),
        escape(&sources.join("、")),
        rows.len(),
        invalid
    );
    if let Some(note) = title_note {
        let _ = write!(s, "<p class=synthetic>{}</p>", escape(note));
    }

    s.push_str("<h2 class=first>一、全市概况</h2><table><thead><tr><th>年度</th><th class=num>司法所</th><th class=num>平均分</th><th class=num>达标率</th>");
    for g in Grade::ALL {
        let _ = write!(s, "<th class=num>{}</th>", g.name_zh());
    }
    s.push_str("</tr></thead><tbody>");
    for c in summaries.iter().filter(|s| s.district.is_none()) {
        let _ = write!(
            s,
            "<tr><td>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td>",
            c.year,
            c.offices.count,
            num(c.offices.mean_score),
            pct(c.offices.compliance_rate)
        );
        for g in Grade::ALL {
            let _ = write!(s, "<td class=num>{}</td>", c.offices.grades.get(g));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");

    if let Some(y) = latest {
        let _ = write!(s, "<h2>二、各区等级分布（{y}年）</h2>");
        let of_year: Vec<&DistrictSummary> = summaries.iter().filter(|d| d.year == y).collect();
        s.push_str(&grade_chart(&of_year));
        s.push_str("<table><thead><tr><th>区</th><th class=num>司法所</th><th class=num>平均分</th><th class=num>达标率</th><th class=num>区司法局得分</th></tr></thead><tbody>");
        for d in &of_year {
            let _ = write!(
                s,
                "<tr><td>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td></tr>",
                d.district.map_or("全市", District::name_zh),
                d.offices.count,
                num(d.offices.mean_score),
                pct(d.offices.compliance_rate),
                num(d.bureau_score)
            );
        }
        s.push_str("</tbody></table>");

        let _ = write!(s, "<h2>三、最常见问题（{y}年）</h2>");
        if let Some(city) = of_year.iter().find(|d| d.district.is_none()) {
            s.push_str("<table><thead><tr><th>规则</th><th>条款</th><th>方案原文</th><th class=num>涉及司法所</th></tr></thead><tbody>");
            for p in city.offices.problems.iter().take(20) {
                let _ = write!(
                    s,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td class=num>{}</td></tr>",
                    escape(&p.rule),
                    escape(&p.clause),
                    escape(&p.quote),
                    p.offices
                );
            }
            s.push_str("</tbody></table>");
        }
    }

    if let Some(l) = ledger {
        s.push_str("<h2>四、问题整改销号情况</h2><table><thead><tr><th>范围</th><th>年度</th><th class=num>上年问题</th><th class=num>已销号</th><th class=num>未整改</th><th class=num>反弹</th><th class=num>新增</th><th class=num>销号率</th></tr></thead><tbody>");
        for a in l.city.iter().chain(l.districts.iter()) {
            let _ = write!(
                s,
                "<tr><td>{}</td><td>{}→{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td><td class=num>{}</td></tr>",
                a.district.map_or("全市", District::name_zh),
                a.from_year,
                a.to_year,
                a.tally.problems_before,
                a.tally.closed,
                a.tally.open,
                a.tally.regressed,
                a.tally.new,
                pct(a.tally.closure_rate)
            );
        }
        s.push_str("</tbody></table>");
    }

    if let Some(y) = latest {
        let _ = write!(s, "<h2>五、各区司法所明细（{y}年）</h2>");
        for d in District::ALL {
            let mut mine: Vec<&Report> = office_reports(rows)
                .filter(|r| r.year == y && r.office.district == d)
                .collect();
            if mine.is_empty() {
                continue;
            }
            mine.sort_by(|a, b| a.office.code.cmp(&b.office.code));
            let _ = write!(s, "<section class=district><h3>{}</h3>", d.name_zh());
            office_rows(&mut s, &mine);
            s.push_str("</section>");
        }
    }
    s.push_str(
        "<p class=note>本报告由 sifasuo 生成：每项得分均可对照方案条款核查（见各规则的条款与原文）。</p></body></html>",
    );
    s
}
