//! Excel workbooks: the data-collection template, export of records (and their scores), and
//! reading filled workbooks. Writing uses `rust_xlsxwriter`, reading `calamine`.

use super::{header_rows, layout, Cell, Column, ColumnKind, Sheet, SheetKind, MAX_COLUMNS, MAX_ROWS};
use crate::validate::{ErrorCode, ValidationError};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatAlign, FormatBorder, Note,
    Workbook, Worksheet, XlsxError,
};
use serde_json::{json, Map};

/// Largest workbook read (bytes).
pub const MAX_XLSX_BYTES: usize = 64 * 1024 * 1024;

/// Rows below the headers that get the template's drop-downs and number checks.
const VALIDATED_ROWS: u32 = 2_000;

/// The name of the template file the CLI suggests.
pub const TEMPLATE_NAME: &str = "司法所规范化数据模板.xlsx";

fn bad(reason: String) -> ValidationError {
    let mut c = Map::new();
    c.insert("reason".into(), json!(reason));
    c.insert("line".into(), json!(0));
    c.insert("column".into(), json!(0));
    ValidationError::new(ErrorCode::InvalidJson, "", c)
}

/// Reads every sheet of a workbook (`.xlsx`).
///
/// # Errors
/// When the bytes are not a readable workbook, or it is too large.
pub fn read_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, ValidationError> {
    use calamine::{Data, Reader, Xlsx};
    if bytes.len() > MAX_XLSX_BYTES {
        return Err(bad(format!("the workbook is larger than {MAX_XLSX_BYTES} bytes")));
    }
    let mut wb: Xlsx<_> =
        Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| bad(format!("not a readable .xlsx workbook: {e}")))?;
    let mut out = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| bad(format!("sheet `{name}` cannot be read: {e}")))?;
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            let (h, w) = range.get_size();
            if h + r0 as usize > MAX_ROWS + 10 || w + c0 as usize > MAX_COLUMNS {
                return Err(bad(format!(
                    "sheet `{name}` is larger than {MAX_ROWS} rows × {MAX_COLUMNS} columns"
                )));
            }
            rows.resize(r0 as usize, Vec::new());
            for row in range.rows() {
                let mut cells = vec![Cell::Empty; c0 as usize];
                cells.extend(row.iter().map(|d| match d {
                    Data::Empty => Cell::Empty,
                    Data::Int(i) => Cell::Number(*i as f64),
                    Data::Float(f) => Cell::Number(*f),
                    Data::String(s) => Cell::Text(s.clone()),
                    Data::Bool(b) => Cell::Bool(*b),
                    Data::DateTime(d) => Cell::Number(d.as_f64()),
                    Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
                    Data::Error(e) => Cell::Text(format!("#{e:?}")),
                }));
                while cells.last() == Some(&Cell::Empty) {
                    cells.pop();
                }
                rows.push(cells);
            }
        }
        out.push(Sheet { name, rows });
    }
    Ok(out)
}

/// The data-collection template: the three data sheets with their two header rows (Chinese
/// header; field id), the plan's wording as a comment on every header, drop-down lists and
/// number checks on the data rows, frozen headers, and an instructions sheet.
///
/// # Errors
/// Only if the workbook library refuses a value (a bug).
pub fn template() -> Result<Vec<u8>, XlsxError> {
    let lay = layout();
    let sheets: Vec<Sheet> = SheetKind::ALL
        .iter()
        .map(|k| Sheet {
            name: k.name_zh().to_string(),
            rows: header_rows(lay.columns(*k)),
        })
        .collect();
    workbook(&sheets, &[])
}

/// A workbook of data sheets (in the layout, as [`super::sheets_of`] gives them) followed by
/// plain extra sheets (scores, problem lists), with the instructions sheet first.
///
/// # Errors
/// Only if the workbook library refuses a value (a bug).
pub fn workbook(data: &[Sheet], extra: &[Sheet]) -> Result<Vec<u8>, XlsxError> {
    let lay = layout();
    let mut wb = Workbook::new();
    instructions(wb.add_worksheet())?;
    for sheet in data {
        let Some(kind) = SheetKind::ALL.into_iter().find(|k| k.name_zh() == sheet.name) else {
            continue;
        };
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        data_sheet(ws, lay.columns(kind), sheet)?;
    }
    for sheet in extra {
        let ws = wb.add_worksheet();
        ws.set_name(&sheet.name)?;
        plain_sheet(ws, sheet)?;
    }
    wb.save_to_buffer()
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(Color::RGB(0xDDEBF7))
        .set_border(FormatBorder::Thin)
}

fn id_format() -> Format {
    Format::new()
        .set_font_color(Color::RGB(0x7F7F7F))
        .set_font_size(8)
        .set_background_color(Color::RGB(0xF2F2F2))
        .set_border(FormatBorder::Thin)
}

fn write_cell(ws: &mut Worksheet, row: u32, col: u16, cell: &Cell) -> Result<(), XlsxError> {
    match cell {
        Cell::Empty => {}
        Cell::Text(s) => {
            ws.write_string(row, col, s)?;
        }
        Cell::Number(n) => {
            ws.write_number(row, col, *n)?;
        }
        Cell::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
    }
    Ok(())
}

fn note_text(c: &Column) -> String {
    let mut t = format!("{}\n字段：{}\n{}", c.header, c.id, c.hint_zh());
    if c.required {
        t.push_str("\n必填");
    }
    if !c.section.is_empty() {
        t.push_str(&format!("\n所属：{}", c.section));
    }
    if !c.description.is_empty() {
        t.push_str(&format!("\n方案原文/说明：{}", c.description));
    }
    t
}

fn validation(c: &Column) -> Result<Option<DataValidation>, XlsxError> {
    let dv = match &c.kind {
        ColumnKind::Boolean => DataValidation::new().allow_list_strings(&["是", "否"])?,
        ColumnKind::Choice { choices } => {
            let labels: Vec<&str> = choices.iter().map(|ch| ch.label.as_str()).collect();
            DataValidation::new().allow_list_strings(&labels)?
        }
        ColumnKind::Integer { min, max } => {
            let lo = i32::try_from(*min).unwrap_or(i32::MIN);
            let hi = i32::try_from(*max).unwrap_or(i32::MAX);
            DataValidation::new().allow_whole_number(DataValidationRule::Between(lo, hi))
        }
        ColumnKind::Number { min, max } => {
            DataValidation::new().allow_decimal_number(DataValidationRule::Between(*min, *max))
        }
        ColumnKind::Text { max_chars, .. } => match max_chars {
            Some(m) => DataValidation::new().allow_text_length(DataValidationRule::LessThanOrEqualTo(
                u32::try_from(*m).unwrap_or(u32::MAX),
            )),
            None => return Ok(None),
        },
    };
    let title: String = c.header.chars().take(30).collect();
    let msg: String = c.hint_zh().chars().take(250).collect();
    Ok(Some(
        dv.set_error_title(title)?
            .set_error_message(msg)?
            .set_error_style(DataValidationErrorStyle::Stop),
    ))
}

fn data_sheet(ws: &mut Worksheet, cols: &[Column], sheet: &Sheet) -> Result<(), XlsxError> {
    let hf = header_format();
    let idf = id_format();
    let required = header_format().set_font_color(Color::RGB(0xC00000));
    for (i, c) in cols.iter().enumerate() {
        let col = u16::try_from(i).unwrap_or(u16::MAX);
        let f = if c.required { &required } else { &hf };
        ws.write_string_with_format(0, col, &c.header, f)?;
        ws.write_string_with_format(1, col, &c.id, &idf)?;
        let chars = c.header.chars().count();
        ws.set_column_width(col, (chars as f64 * 2.1).clamp(10.0, 28.0))?;
        ws.insert_note(0, col, &Note::new(note_text(c)).set_width(320).set_height(160))?;
        let last = VALIDATED_ROWS.max(u32::try_from(sheet.rows.len()).unwrap_or(u32::MAX));
        if let Some(dv) = validation(c)? {
            ws.add_data_validation(2, col, last, col, &dv)?;
        }
    }
    ws.set_row_height(0, 42)?;
    let frozen_cols = u16::from(cols.first().is_some_and(|c| c.id == "office.code")) * 2;
    ws.set_freeze_panes(2, frozen_cols)?;
    for (r, row) in sheet.rows.iter().enumerate().skip(2) {
        let r = u32::try_from(r).unwrap_or(u32::MAX);
        for (i, cell) in row.iter().enumerate() {
            write_cell(ws, r, u16::try_from(i).unwrap_or(u16::MAX), cell)?;
        }
    }
    Ok(())
}

fn plain_sheet(ws: &mut Worksheet, sheet: &Sheet) -> Result<(), XlsxError> {
    let hf = header_format();
    for (r, row) in sheet.rows.iter().enumerate() {
        let r32 = u32::try_from(r).unwrap_or(u32::MAX);
        for (i, cell) in row.iter().enumerate() {
            let col = u16::try_from(i).unwrap_or(u16::MAX);
            match (r, cell) {
                (0, Cell::Text(s)) => {
                    ws.write_string_with_format(r32, col, s, &hf)?;
                }
                _ => write_cell(ws, r32, col, cell)?,
            }
        }
    }
    if let Some(first) = sheet.rows.first() {
        for i in 0..first.len() {
            ws.set_column_width(u16::try_from(i).unwrap_or(u16::MAX), 14)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

fn instructions(ws: &mut Worksheet) -> Result<(), XlsxError> {
    ws.set_name("填表说明")?;
    let title = Format::new().set_bold().set_font_size(14);
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.write_string_with_format(0, 0, "司法所规范化建设数据填报模板（京司发〔2022〕42号）", &title)?;
    let lines = [
        "本模板由 sifasuo 根据记录格式自动生成，列与 sifasuo 的 JSON 记录字段一一对应。",
        "“司法所”表：每个司法所每个评估年度一行。“社区（村）”表：每个社区或行政村一行，以“司法所代码”和“评估年度”与司法所对应。“区司法局”表：每个区每年度一行。",
        "第1行为中文列名（红色为必填），第2行为字段编号，请勿修改或删除这两行；从第3行起填写数据。将鼠标移到列名上可看到方案原文和填写要求。",
        "空单元格表示“未填报”，与“否”或“0”不同：未填报的项目在评分时列为“缺少数据”。",
        "是否类填“是”或“否”（也可填 true/false、1/0）；人数、次数填整数；面积填数字（平方米）。",
        "请勿在任何单元格填写身份证号码、手机号码等个人信息。",
        "填好后运行：sifasuo validate 本文件.xlsx （逐格检查），sifasuo score 本文件.xlsx （评分）。",
    ];
    for (i, l) in lines.iter().enumerate() {
        ws.write_string(u32::try_from(i + 2).unwrap_or(0), 0, *l)?;
    }
    let start = u32::try_from(lines.len() + 3).unwrap_or(0);
    let heads = [
        "工作表",
        "列",
        "列名",
        "字段编号",
        "填写要求",
        "必填",
        "所属",
        "方案原文/说明",
    ];
    for (i, h) in heads.iter().enumerate() {
        ws.write_string_with_format(start, u16::try_from(i).unwrap_or(0), *h, &bold)?;
    }
    let mut r = start + 1;
    let lay = layout();
    for kind in SheetKind::ALL {
        for (i, c) in lay.columns(kind).iter().enumerate() {
            let cells = [
                kind.name_zh().to_string(),
                super::column_letters(i),
                c.header.clone(),
                c.id.clone(),
                c.hint_zh(),
                if c.required { "是".into() } else { String::new() },
                c.section.clone(),
                c.description.clone(),
            ];
            for (j, t) in cells.iter().enumerate() {
                ws.write_string_with_format(r, u16::try_from(j).unwrap_or(0), t, &wrap)?;
            }
            r += 1;
        }
    }
    ws.set_column_width(0, 12)?;
    ws.set_column_width(1, 6)?;
    ws.set_column_width(2, 30)?;
    ws.set_column_width(3, 36)?;
    ws.set_column_width(4, 26)?;
    ws.set_column_width(5, 6)?;
    ws.set_column_width(6, 14)?;
    ws.set_column_width(7, 60)?;
    Ok(())
}
