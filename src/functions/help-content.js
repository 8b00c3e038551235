// What the function help pages say beyond the metadata. Plain CommonJS so webpack.config.js can
// require it. Function names, descriptions, parameter names, their order, which are optional and
// their descriptions are NOT here: the renderer takes them from functions.json and
// functions.zh-CN.json, the texts Excel itself shows, so help cannot drift from them. Here are
// only the help-only facts: formula, symbols, extra notes on arguments, errors, worked example.
//
// Worked examples use a tiny markup: `code`, **strong**, and {FN} for the function's localized
// name with its namespace (DEALER.保本到场人数), so an example cannot name the function wrongly.
// A string is a paragraph; an array of strings is a bulleted list.
"use strict";

const NAMESPACE = "DEALER";

/** Texts every page shares, once per language. */
const SHARED = {
  "en-US": {
    product: "Dealer Marketing Power",
    help: "function help",
    allFunctions: "All functions",
    headings: {
      formula: "Formula",
      syntax: "Syntax",
      arguments: "Arguments",
      errors: "Errors",
      example: "Worked example",
    },
    argumentColumns: ["Argument", "Meaning"],
    errorColumns: ["Result", "When"],
    // Between the symbol (F, v, …) and the metadata's description, and before a help-only note.
    symbolSeparator: ": ",
    noteSeparator: " ",
    ranges:
      "Every argument takes a single cell or a range. Ranges of the same shape combine cell by cell, a single cell applies to every cell of the other ranges, and ranges of different shapes give #VALUE!. The result spills in the shape of the input (a column in, a column out). An error in one cell stays in that cell's result; the others still compute.",
    // The errors every function shares, listed first on each page.
    errors: [
      [
        "#VALUE!",
        "text or TRUE/FALSE where a number belongs; ranges of different shapes (the message names the argument)",
      ],
      ["#N/A", "a blank cell where a number belongs (a blank is never read as 0)"],
    ],
    index: {
      intro:
        "Custom functions of the Dealer Marketing Power add-in (经销商营销力) for car dealerships (4S stores). Type them in any cell with the DEALER. prefix.",
      columns: ["Function", "What it returns"],
      other: { lang: "zh-CN", text: "中文帮助" },
    },
  },
  "zh-CN": {
    product: "经销商营销力",
    help: "函数帮助",
    allFunctions: "全部函数",
    headings: { formula: "公式", syntax: "语法", arguments: "参数", errors: "错误值", example: "计算示例" },
    argumentColumns: ["参数", "含义"],
    errorColumns: ["结果", "出现情况"],
    symbolSeparator: ":",
    noteSeparator: "",
    ranges:
      "每个参数都可以是单个单元格或一个区域。形状相同的区域逐个单元格计算,单个单元格会应用到其他区域的每个单元格,形状不同的区域返回 #VALUE!。结果按输入的方向溢出(输入一列,输出一列)。某个单元格的错误只留在该单元格的结果中,其余照常计算。",
    errors: [
      ["#VALUE!", "应填数字处为文本或 TRUE/FALSE;区域形状不一致(提示信息会指出是哪个参数)"],
      ["#N/A", "应填数字处为空白单元格(空白不会按 0 计算)"],
    ],
    index: {
      intro:
        "经销商营销力(Dealer Marketing Power)加载项为汽车经销商(4S 店)提供的自定义函数。在任意单元格中以 DEALER. 前缀输入。",
      columns: ["函数", "返回"],
      other: { lang: "en-US", text: "Help in English" },
    },
  },
};

// Symbols of the break-even formulas, shared by both languages.
const BREAKEVEN_SYMBOLS = { fixed_cost: "F", variable_cost_per_attendee: "v", margin_per_buyer: "m" };

/** Per function id (as in functions.json): language-independent symbols, then per language. */
const FUNCTIONS = {
  FUNNEL_RATE: {
    symbols: {},
    "en-US": {
      formula:
        "step rate = count(stage k+1) / count(stage k); cumulative rate = count(to_stage) / count(from_stage)",
      notes: {
        counts: "The stages run across a block.",
        to_stage: "Give both stage numbers or neither.",
      },
      errors: [
        ["#NUM!", "a negative count"],
        ["#DIV/0!", "a stage with 0 people divides the next one"],
        [
          "#VALUE!",
          "fewer than 2 stages; a stage number that is not whole, is outside 1…number of stages, or from_stage ≥ to_stage",
        ],
      ],
      example: [
        "A2:A7 hold the six stages of one month: 10,000 market contacts (市场客户), 800 prospects (潜在客户), 400 target customers (目标客户), 120 real customers (真实客户), 100 lifetime customers (终身客户), 60 loyal customers (忠诚客户).",
        [
          "`={FN}(A2:A7)` spills a column of five step rates: 8% (lead capture 集客率), 50% (retention 留客率), 30% (closing 成交率), 83.3% (service return 回厂率), 60% (loyalty 保有率).",
          "`={FN}(A2:A7, 1, 4)` returns 1.2%: 120 buyers out of 10,000 contacts.",
        ],
        "A rate above 100% (more customers in a later stage than in an earlier one, e.g. carried over from an earlier period) is returned as it is.",
      ],
    },
    "zh-CN": {
      formula: "分步转化率 = 第 k+1 阶段人数 / 第 k 阶段人数;累计转化率 = 结束阶段人数 / 起始阶段人数",
      notes: {
        counts: "多行区域中阶段横向排列。",
        to_stage: "两个阶段编号须同时填写或同时省略。",
      },
      errors: [
        ["#NUM!", "人数为负"],
        ["#DIV/0!", "某阶段人数为 0,无法作为下一阶段的分母"],
        ["#VALUE!", "少于 2 个阶段;阶段编号不是整数、超出 1 至阶段数的范围,或起始阶段 ≥ 结束阶段"],
      ],
      example: [
        "A2:A7 为某月的六个阶段:市场客户 10,000 人、潜在客户 800 人、目标客户 400 人、真实客户 120 人、终身客户 100 人、忠诚客户 60 人。",
        [
          "`={FN}(A2:A7)` 溢出一列五个分步转化率:8%(集客率)、50%(留客率)、30%(成交率)、83.3%(回厂率)、60%(保有率)。",
          "`={FN}(A2:A7, 1, 4)` 返回 1.2%:10,000 名市场客户中成交 120 人。",
        ],
        "后一阶段人数多于前一阶段(例如上期结转的客户)时,转化率超过 100%,照实返回。",
      ],
    },
  },
  BREAKEVEN_ATTENDEES: {
    symbols: { ...BREAKEVEN_SYMBOLS, conversion_rate: "r" },
    "en-US": {
      formula: "a* = ⌈F / (r·m − v)⌉, defined only where r·m > v",
      notes: {
        margin_per_buyer: "A buyer is a real customer (真实客户).",
        conversion_rate: "Type 15% or 0.15, not 15.",
      },
      errors: [
        [
          "#NUM!",
          "a negative cost or margin; a conversion rate outside (0%, 100%]; r·m ≤ v, so each extra attendee loses money and the event never breaks even",
        ],
      ],
      example: [
        "From the source: m = ¥10,000, F = ¥460,000, v = ¥1,500, and 64 of 120 attendees buy (r = 64/120 ≈ 53.3%).",
        "`={FN}(460000, 1500, 10000, 64/120)` returns **120**: 460,000 / (5,333.33… − 1,500) = 120 exactly. Rounding up is float-safe: the 120.0000000001 of floating point does not become 121.",
      ],
    },
    "zh-CN": {
      formula: "a* = ⌈F / (r·m − v)⌉,仅当 r·m > v 时有解",
      notes: { conversion_rate: "输入 15% 或 0.15,而不是 15。" },
      errors: [
        ["#NUM!", "成本或边际贡献为负;转化率不在 (0%, 100%] 内;r·m ≤ v,每多一位来宾都亏损,活动永远无法保本"],
      ],
      example: [
        "资料中的例子:m = ¥10,000,F = ¥460,000,v = ¥1,500,120 名来宾中有 64 人成交(r = 64/120 ≈ 53.3%)。",
        "`={FN}(460000, 1500, 10000, 64/120)` 返回 **120**:460,000 / (5,333.33… − 1,500) 恰为 120。向上取整不受浮点误差影响:120.0000000001 不会变成 121。",
      ],
    },
  },
  BREAKEVEN_BUYERS: {
    symbols: { ...BREAKEVEN_SYMBOLS, attendees: "a" },
    "en-US": {
      formula: "B(a) = ⌈(F + v·a) / m⌉",
      notes: { margin_per_buyer: "A buyer is a real customer (真实客户)." },
      errors: [
        ["#NUM!", "a negative cost, margin or attendance"],
        ["#DIV/0!", "margin_per_buyer is 0"],
      ],
      example: [
        "From the source (“at least 46 guests must become real customers”; “with 120 attendees, 64 must buy, a 53% success rate”): m = ¥10,000, F = ¥460,000, v = ¥1,500.",
        [
          "`={FN}(460000, 1500, 10000, 120)` returns **64**: (460,000 + 180,000) / 10,000 = 64; 64 / 120 = 53.3%.",
          "`={FN}(460000, 1500, 10000, 0)` returns 46: the fixed cost alone needs 46 buyers.",
          "With attendances 80, 120, 160 in B2:B4, `={FN}(460000, 1500, 10000, B2:B4)` spills 58, 64, 70 down a column.",
        ],
      ],
    },
    "zh-CN": {
      formula: "B(a) = ⌈(F + v·a) / m⌉",
      notes: {},
      errors: [
        ["#NUM!", "成本、边际贡献或到场人数为负"],
        ["#DIV/0!", "单客边际贡献为 0"],
      ],
      example: [
        "资料中的例子(“至少要有超过46名活动来宾成为真实客户才可能有效益”;“如果活动出席人数为120人,则需要有64人成为真实客户,成功率达到53%,方有效益”):m = ¥10,000,F = ¥460,000,v = ¥1,500。",
        [
          "`={FN}(460000, 1500, 10000, 120)` 返回 **64**:(460,000 + 180,000) / 10,000 = 64;64 / 120 = 53.3%。",
          "`={FN}(460000, 1500, 10000, 0)` 返回 46:仅固定成本就需要 46 位成交客户。",
          "B2:B4 为到场人数 80、120、160 时,`={FN}(460000, 1500, 10000, B2:B4)` 向下溢出 58、64、70。",
        ],
      ],
    },
  },
  ROI: {
    symbols: {},
    "en-US": {
      formula:
        "ROI = (revenue × margin − cost) / cost; margin defaults to 100%, which is the source's (revenue − cost) / cost",
      notes: {
        revenue: "(销售收入)",
        cost: "(营销成本)",
        margin: "A blank cell given here is #N/A, not 100%.",
      },
      errors: [
        ["#NUM!", "negative revenue or cost; a margin outside (0%, 100%] (15 typed instead of 15%)"],
        ["#DIV/0!", "cost is 0: no ROI without cost"],
      ],
      example: [
        [
          "`={FN}(300000, 100000)` returns 200%: (300,000 − 100,000) / 100,000.",
          "`={FN}(1000000, 100000, 15%)` returns 50%: ROI on gross profit, (150,000 − 100,000) / 100,000.",
          "Per channel: `={FN}(C5:C20, D5:D20)` spills one ROI per row.",
        ],
      ],
    },
    "zh-CN": {
      formula:
        "ROI = (销售收入 × 毛利率 − 营销成本) / 营销成本;毛利率默认为 100%,即资料中的 (销售收入 − 营销成本) / 营销成本",
      notes: { margin: "若引用空白单元格则返回 #N/A,而不是按 100% 计算。" },
      errors: [
        ["#NUM!", "销售收入或营销成本为负;毛利率不在 (0%, 100%] 内(误输入 15 而不是 15%)"],
        ["#DIV/0!", "营销成本为 0:没有成本就没有 ROI"],
      ],
      example: [
        [
          "`={FN}(300000, 100000)` 返回 200%:(300,000 − 100,000) / 100,000。",
          "`={FN}(1000000, 100000, 15%)` 返回 50%:按毛利计算,(150,000 − 100,000) / 100,000。",
          "按渠道:`={FN}(C5:C20, D5:D20)` 每行溢出一个 ROI。",
        ],
      ],
    },
  },
  COST_PER_SALE: {
    symbols: {},
    "en-US": {
      formula: "cost per vehicle sold (单车营销成本) = marketing cost / vehicles sold",
      notes: { vehicles_sold: "Count the vehicles of the same period as the cost." },
      errors: [
        ["#NUM!", "a negative cost or number of vehicles"],
        ["#DIV/0!", "no vehicles sold"],
      ],
      example: [
        "`={FN}(250000, 50)` returns ¥5,000 per vehicle. With monthly costs in B2:M2 and vehicles in B3:M3, `={FN}(B2:M2, B3:M3)` spills twelve values across a row.",
      ],
    },
    "zh-CN": {
      formula: "单车营销成本 = 营销成本 / 销售台数",
      notes: { vehicles_sold: "与营销成本同期。" },
      errors: [
        ["#NUM!", "营销成本或销售台数为负"],
        ["#DIV/0!", "销售台数为 0"],
      ],
      example: [
        "`={FN}(250000, 50)` 返回每台 ¥5,000。B2:M2 为各月营销成本、B3:M3 为各月销售台数时,`={FN}(B2:M2, B3:M3)` 横向溢出十二个值。",
      ],
    },
  },
  FUNNEL_TARGETS: {
    symbols: {},
    "en-US": {
      formula: "last stage = ⌈target⌉; stage k = ⌈stage(k+1) / rate(k)⌉, working backwards",
      notes: {
        target: "With a block of rates, one target per row or one for all.",
        step_rates: "Or a block, one series per row.",
      },
      errors: [
        [
          "#NUM!",
          "a negative target; a rate outside (0%, 100%] — only the stages before that rate show the error",
        ],
        ["#VALUE!", "several targets for a single series of rates"],
      ],
      example: [
        "To sell 60 cars with lead capture 8%, retention 50% and closing 30% in B2:D2: `={FN}(60, B2:D2)` spills **5,000 · 400 · 200 · 60** across a row: the market contacts, prospects, target customers and buyers each stage must deliver. One more value than rates; each rounded up to whole people.",
      ],
    },
    "zh-CN": {
      formula: "最后阶段 = ⌈目标⌉;第 k 阶段 = ⌈第 k+1 阶段 / 第 k 步转化率⌉,由后向前推算",
      notes: {
        target: "各步转化率为多行区域时,可每行一个目标或共用一个。",
        step_rates: "也可以是每行一个序列的区域。",
      },
      errors: [
        ["#NUM!", "目标为负;转化率不在 (0%, 100%] 内——只有该转化率之前的阶段显示错误"],
        ["#VALUE!", "一组转化率对应了多个目标"],
      ],
      example: [
        "目标销售 60 台,B2:D2 为集客率 8%、留客率 50%、成交率 30%:`={FN}(60, B2:D2)` 横向溢出 **5,000 · 400 · 200 · 60**,即市场客户、潜在客户、目标客户和成交客户各阶段须达到的人数。结果比转化率多一个值,每个向上取整到整人。",
      ],
    },
  },
};

module.exports = { NAMESPACE, SHARED, FUNCTIONS };
