// Demo: an office's annual data → live validation, score, grade and problem list.
// No domain logic here: every check, score and message comes from the wasm module.
import init, { score, problems, fromCsv } from '../pkg-web/sifasuo_wasm.js';

const EXAMPLE_URL = new URL('../../tests/examples/office-street-2023.json', import.meta.url);

// [JSON Pointer, 中文标签, type]; type: text | int | num | bool | textarea | [enum values…]
const SECTIONS = [
  ['基本信息', [
    ['/year', '评估年度', 'int'],
    ['/office/code', '司法所代码', 'text'],
    ['/office/name', '司法所名称', 'text'],
    ['/office/district', '所属区', 'text'],
    ['/office/subdistrict', '街道（乡镇）', 'text'],
    ['/office/subdistrict_kind', '街道/乡镇', ['street', 'township']],
  ]],
  ['政治建设（任务1—3）', [
    ['/political/study_mechanism', '常态化学习机制', 'bool'],
    ['/political/party_life', '参加“三会一课”', 'bool'],
    ['/political/three_provisions', '落实“三个规定”', 'bool'],
    ['/political/discipline_violations', '违反纪律作风问题（件）', 'int'],
  ]],
  ['依法行政（任务4）', [
    ['/administration/normative_documents/total', '行政规范性文件（件）', 'int'],
    ['/administration/normative_documents/reviewed', '其中经合法性审核', 'int'],
    ['/administration/major_decisions/total', '重大行政决策（件）', 'int'],
    ['/administration/major_decisions/reviewed', '其中经合法性审核', 'int'],
    ['/administration/enforcement_decisions/total', '重大行政执法决定（件）', 'int'],
    ['/administration/enforcement_decisions/reviewed', '其中经法制审核', 'int'],
    ['/administration/office_meetings/total', '主任（乡镇长）办公会（次）', 'int'],
    ['/administration/office_meetings/attended', '其中所长列席', 'int'],
    ['/administration/pre_meeting_law_study', '办公会会前学法', 'bool'],
    ['/administration/reconsideration_litigation/total', '行政复议答复和应诉（件）', 'int'],
    ['/administration/reconsideration_litigation/handled', '其中已办理', 'int'],
  ]],
  ['矛盾纠纷化解（任务5）', [
    ['/mediation/subdistrict_committee', '街道（乡镇）人民调解委员会', 'bool'],
    ['/mediation/work_system', '调解工作制度', 'bool'],
    ['/mediation/pre_litigation', '参与未诉先办', 'bool'],
    ['/mediation/administrative_mediation', '行政调解职责清晰', 'bool'],
    ['/mediation/mediators', '人民调解员（人）', 'int'],
    ['/mediation/disputes/total', '矛盾纠纷（件）', 'int'],
    ['/mediation/disputes/resolved', '其中化解', 'int'],
    ['/mediation/disputes/resolved_locally', '其中就地化解', 'int'],
  ]],
  ['普法依法治理（任务6）', [
    ['/legal_education/subdistrict_culture_sites', '街道（乡镇）法治文化阵地（个）', 'int'],
    ['/legal_education/responsibility_system', '普法责任制', 'bool'],
  ]],
  ['社区矫正（任务7）', [
    ['/community_correction/committee', '社区矫正委员会', 'bool'],
    ['/community_correction/announcement_venue/standardized', '宣告场所规范', 'bool'],
    ['/community_correction/announcement_venue/office_facilities', '宣告场所办公设施', 'bool'],
    ['/community_correction/announcement_venue/it_equipment', '宣告场所信息化设备', 'bool'],
    ['/community_correction/subjects', '社区矫正对象（人）', 'int'],
    ['/community_correction/with_team', '其中有矫正小组', 'int'],
    ['/community_correction/with_plan', '其中有矫正方案', 'int'],
    ['/community_correction/with_archive', '其中有规范档案', 'int'],
    ['/community_correction/nine_clear', '其中“九清楚”', 'int'],
    ['/community_correction/assessment_classification', '日常考核、分类管理', 'bool'],
    ['/community_correction/analysis_meetings/required', '应开动态分析会（次）', 'int'],
    ['/community_correction/analysis_meetings/held', '实开动态分析会（次）', 'int'],
    ['/community_correction/platform_records/total', '平台录入（条）', 'int'],
    ['/community_correction/platform_records/timely', '其中及时准确', 'int'],
    ['/community_correction/police_station/information_sharing', '与派出所信息共享', 'bool'],
    ['/community_correction/police_station/regular_consultation', '与派出所定期会商', 'bool'],
    ['/community_correction/police_station/joint_control', '与派出所联合管控', 'bool'],
    ['/community_correction/escaped_supervision', '脱管（人）', 'int'],
    ['/community_correction/missed_supervision', '漏管（人）', 'int'],
  ]],
  ['安置帮教（任务8）', [
    ['/resettlement/persons', '安置帮教对象（人）', 'int'],
    ['/resettlement/ledger', '台账清楚、分类明确', 'bool'],
    ['/resettlement/key_persons', '重点人（人）', 'int'],
    ['/resettlement/key_person_plans', '重点人帮教方案（份）', 'int'],
    ['/resettlement/real_name_groups', '实名制帮教小组（人）', 'int'],
    ['/resettlement/emergency_plan', '突发事件应急预案', 'bool'],
    ['/resettlement/serious_reoffences', '重大恶性重新犯罪（件）', 'int'],
  ]],
  ['公共法律服务（任务9）', [
    ['/public_legal_service/station/established', '公共法律服务工作站', 'bool'],
    ['/public_legal_service/station/functional_zoning', '功能分区', 'bool'],
    ['/public_legal_service/station/integrated_with_office', '与司法所一体化', 'bool'],
    ['/public_legal_service/one_stop', '“一站式”服务', 'bool'],
    ['/public_legal_service/special_campaigns', '专项法律服务活动（次）', 'int'],
    ['/public_legal_service/reconsideration_intake', '代收行政复议申请', 'bool'],
  ]],
  ['干部队伍（任务10—11）', [
    ['/staffing/director_in_post', '所长在岗', 'bool'],
    ['/staffing/authorized_posts', '编制数', 'int'],
    ['/staffing/staff', '在编在岗人员', 'int'],
    ['/staffing/legal_qualification', '具有法律职业资格', 'int'],
    ['/staffing/legal_professionals', '法律专业人员', 'int'],
    ['/staffing/dedicated_legal_post', '法制工作专人专岗', 'bool'],
    ['/staffing/previous_qualification_ratio', '上年法律职业资格比例（0—1）', 'num'],
    ['/staffing/correction_social_workers', '社区矫正社会工作者', 'int'],
    ['/staffing/new_staff', '新进人员', 'int'],
    ['/staffing/new_staff_trained', '其中参加岗前培训', 'int'],
    ['/staffing/director_city_training', '所长参加市局示范培训', 'bool'],
    ['/staffing/training_sessions', '业务培训（次）', 'int'],
  ]],
  ['保障能力（任务12—15）', [
    ['/support/management_rules', '管理制度机制', 'bool'],
    ['/support/affairs_openness', '所务公开', 'bool'],
    ['/support/premises/total_area_m2', '用房面积（平方米）', 'num'],
    ['/support/premises/business_area_m2', '业务功能用房面积（平方米）', 'num'],
    ['/support/premises/archive', '档案室', ['room', 'area', 'none']],
    ['/support/premises/built_or_renovated', '新改扩建', 'bool'],
    ['/support/premises/signage_compliant', '标识标牌规范', 'bool'],
    ['/support/information/unified_platform', '统一工作平台', 'bool'],
    ['/support/information/mobile_apps', '移动应用', 'bool'],
    ['/support/information/self_service', '自助服务设备', 'bool'],
    ['/support/allowance/eligible', '应发岗位津贴（人）', 'int'],
    ['/support/allowance/paid', '已发岗位津贴（人）', 'int'],
  ]],
];
const ENUM_ZH = { street: '街道', township: '乡镇', room: '独立档案室', area: '独立区域', none: '无', community: '社区', village: '村' };
// units table columns: [key, 中文, type]
const UNIT_COLS = [
  ['name', '名称', 'text'], ['kind', '类型', ['community', 'village']],
  ['mediation_committee', '调委会', 'bool'], ['legal_savvy_persons', '法律明白人', 'int'],
  ['culture_sites', '法治文化阵地', 'int'], ['democracy_demo', '民主法治示范', 'bool'],
  ['legal_advisor', '法律顾问', 'bool'],
];

const FIELDS = '#form :is(input, select, textarea)[data-path]:not([data-key])';
const $ = (sel, el = document) => el.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'text') e.textContent = v; else e.setAttribute(k, v);
  }
  for (const k of kids) e.append(k);
  return e;
};

function control(path, type, id) {
  let c;
  if (type === 'bool' || Array.isArray(type)) {
    const opts = type === 'bool' ? [['', '—'], ['true', '是'], ['false', '否']]
      : [['', '—'], ...type.map((v) => [v, ENUM_ZH[v] || v])];
    c = el('select');
    for (const [v, t] of opts) c.append(el('option', { value: v, text: t }));
  } else if (type === 'textarea') {
    c = el('textarea', { maxlength: '4000' });
  } else {
    c = el('input', { type: 'text' });
    if (type !== 'text') { c.setAttribute('inputmode', 'decimal'); c.className = 'num'; }
  }
  c.dataset.path = path;
  c.dataset.type = Array.isArray(type) ? 'enum' : type;
  if (id) c.id = id;
  return c;
}

function buildForm() {
  const form = $('#form');
  for (const [title, fields] of SECTIONS) {
    const fs = el('fieldset', {}, el('legend', { text: title }));
    for (const [path, label, type] of fields) {
      const id = 'f' + path.replaceAll('/', '-');
      fs.append(el('div', { class: 'field' }, el('label', { for: id, text: label }), control(path, type, id),
        el('span', { class: 'msg', 'data-msg-for': path })));
    }
    form.append(fs);
  }
  const units = el('fieldset', {}, el('legend', { text: '社区（村）' }));
  const table = el('table', { id: 'units' });
  const head = el('tr');
  for (const [, zh] of UNIT_COLS) head.append(el('th', { text: zh }));
  head.append(el('th', { text: '' }));
  table.append(el('thead', {}, head), el('tbody'));
  units.append(table, el('span', { class: 'msg', 'data-msg-for': '/units' }),
    el('button', { type: 'button', id: 'add-unit', text: '添加一行' }));
  form.append(units);
  const notes = el('fieldset', {}, el('legend', { text: '备注' }));
  notes.append(el('div', { class: 'field' }, el('label', { for: 'f-notes', text: '备注' }),
    control('/notes', 'textarea', 'f-notes'), el('span', { class: 'msg', 'data-msg-for': '/notes' })));
  form.append(notes);
  $('#add-unit').addEventListener('click', () => { addUnit({}); update(); });
}

function addUnit(u) {
  const tbody = $('#units tbody');
  const tr = el('tr', { class: 'unit' });
  for (const [key, , type] of UNIT_COLS) {
    const c = control('', type);
    c.dataset.key = key;
    setControl(c, u[key]);
    tr.append(el('td', {}, c, el('span', { class: 'msg' })));
  }
  const del = el('button', { type: 'button', text: '删除' });
  del.addEventListener('click', () => { tr.remove(); update(); });
  tr.append(el('td', {}, del));
  tbody.append(tr);
  renumberUnits();
}

function renumberUnits() {
  [...document.querySelectorAll('#units tbody tr')].forEach((tr, i) => {
    tr.dataset.path = `/units/${i}`;
    tr.querySelectorAll('[data-key]').forEach((c) => {
      c.dataset.path = `/units/${i}/${c.dataset.key}`;
      c.nextElementSibling.dataset.msgFor = c.dataset.path;
    });
  });
}

function setControl(c, v) {
  c.value = v === undefined || v === null ? '' : String(v);
}

/** The form's value as it stands: empty fields are left out; text that is not a number stays text. */
function readControl(c) {
  const raw = c.value;
  const t = c.dataset.type;
  if (raw.trim() === '') return undefined;
  if (t === 'bool') return raw === 'true';
  if (t === 'int' || t === 'num') {
    const n = Number(raw.trim());
    return Number.isFinite(n) ? n : raw;
  }
  return raw;
}

function setAt(obj, path, v) {
  const keys = path.split('/').slice(1);
  let o = obj;
  keys.slice(0, -1).forEach((k) => { o = o[k] ??= {}; });
  o[keys[keys.length - 1]] = v;
}

function getAt(obj, path) {
  return path.split('/').slice(1).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

let standard;
function record() {
  const r = { format: 'sifasuo.office/1' };
  if (standard) r.standard = standard;
  for (const c of document.querySelectorAll(FIELDS)) {
    const v = readControl(c);
    if (v !== undefined) setAt(r, c.dataset.path, v);
  }
  const rows = [...document.querySelectorAll('#units tbody tr')];
  if (rows.length) {
    r.units = rows.map((tr) => {
      const u = {};
      tr.querySelectorAll('[data-key]').forEach((c) => {
        const v = readControl(c);
        if (v !== undefined) u[c.dataset.key] = v;
      });
      return u;
    });
  }
  return r;
}

function fill(rec) {
  standard = rec.standard;
  for (const c of document.querySelectorAll(FIELDS)) setControl(c, getAt(rec, c.dataset.path));
  $('#units tbody').replaceChildren();
  for (const u of rec.units || []) addUnit(u);
}

/** The message slot for a JSON Pointer: the field itself, else its nearest ancestor on the page. */
function slotFor(path) {
  for (let p = path; p; p = p.slice(0, p.lastIndexOf('/'))) {
    const s = document.querySelector(`[data-msg-for="${CSS.escape(p)}"]`);
    if (s) return s;
    const row = document.querySelector(`tr[data-path="${CSS.escape(p)}"]`);
    if (row) return row.querySelector('.msg');
  }
  return null;
}

function showMessage(path, cls, text, rule) {
  const slot = slotFor(path);
  if (!slot && cls === 'finding') return; // already in the problem list
  const m = el('span', { class: cls, text });
  if (rule) m.dataset.rule = rule;
  if (slot) {
    slot.append(m);
    const c = slot.previousElementSibling;
    if (cls === 'error' && c) c.classList.add('bad');
  } else {
    $('#general-errors').append(m);
  }
}

function update() {
  renumberUnits();
  document.querySelectorAll('.msg').forEach((m) => m.replaceChildren());
  document.querySelectorAll('.bad').forEach((c) => c.classList.remove('bad'));
  $('#general-errors').replaceChildren();
  const list = $('#problems');
  list.replaceChildren();
  const out = score(record());
  if (out.kind === 'invalid') {
    for (const e of out.errors) showMessage(e.path, 'error', e.message);
    $('#score').textContent = '—';
    $('#grade').textContent = '';
    $('#grade').dataset.grade = '';
    $('#score-detail').textContent = `记录有${out.errors.length}处错误，改正后评分`;
    return;
  }
  const report = out.report;
  $('#score').textContent = report.score.toFixed(1);
  $('#grade').textContent = report.grade_zh;
  $('#grade').dataset.grade = report.grade;
  const list_ = problems(report);
  $('#score-detail').textContent =
    `基础分${report.base_score}，加分${report.bonus}；通过${report.counts.pass}项，问题${list_.length}项，缺数据${report.counts.missing_data}项`;
  for (const p of list_) {
    const f = report.findings.find((x) => x.rule === p.rule);
    list.append(el('li', { 'data-rule': p.rule },
      el('span', { class: 'clause', text: `${p.clause} ` }),
      el('span', { class: 'message', text: p.message }),
      el('span', { class: 'quote', text: `“${p.quote}”` })));
    for (const path of (f && f.paths) || []) showMessage(path, 'finding', p.message, p.rule);
  }
}

/** An uploaded CSV pair (offices, units) → every problem by cell, and the first record in the form. */
async function importCsv() {
  const [offices, units] = [$('#csv-offices').files[0], $('#csv-units').files[0]];
  const list = $('#csv-errors');
  list.replaceChildren();
  if (!offices) return;
  const out = fromCsv(await offices.text(), { name: offices.name, units: units ? await units.text() : undefined });
  for (const row of out.errors) {
    for (const e of row.errors) {
      const at = e.location ? `${e.location.sheet}!${e.location.cell} ${e.location.column}` : `第${row.line}行`;
      list.append(el('li', { 'data-cell': e.location ? e.location.cell : '', text: `${at}：${e.message}` }));
    }
  }
  $('#status').textContent = `已读入${out.records.length}条记录，${out.errors.length}行有误` +
    (out.records.length ? '；表单显示第1条' : '');
  if (out.records.length) {
    fill(out.records[0]);
    update();
  }
}

async function main() {
  await init();
  buildForm();
  $('#form').addEventListener('input', update);
  $('#form').addEventListener('change', update);
  $('#load-example').addEventListener('click', async () => {
    const res = await fetch(EXAMPLE_URL);
    fill(await res.json());
    update();
  });
  $('#clear').addEventListener('click', () => { fill({}); update(); });
  for (const id of ['#csv-offices', '#csv-units']) $(id).addEventListener('change', () => importCsv().catch((e) => {
    $('#status').textContent = `读入失败：${e.message}`;
  }));
  update();
  document.body.dataset.ready = 'true';
}

main().catch((e) => { $('#status').textContent = `加载失败：${e.message}`; });
