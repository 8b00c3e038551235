// The sample text of a complete marketing plan, one per element, in Chinese and English: the plan
// fixtures are built from it and the rubric's unit tests score it. Plain data, so a pure test can
// import it without exceljs.
export const ZH_TEXT = {
  summary: "二季度以新车销量 360 台为主目标,通过车展和试驾会集客,营销费用控制在 45 万元以内。",
  capability: "本店售后满意度区域第一,试驾车型齐全,老客户基盘 8000 人,可发挥转介绍优势。",
  customers: "目标客户为首次购车的年轻人群体和换购的家庭客户,关注油耗、空间和金融方案。",
  marketingObjectives: "4月集客 1200 人,留资 600 人,到店 300 人,新车销量 120 台;5月、6月各 120 台。",
  financialObjectives: "营销费用 45 万元,单车营销成本不高于 1250 元,毛利 180 万元。",
  strategy: "以试驾体验为核心,线上获客、线下转化,老客户转介绍带动新客户。",
  mix: "1. 4月12日车展,目标留资 300 条;2. 4月26日试驾会 80 人;3. 5月老客户转介绍活动。",
  expenses: "车展 20 万元;试驾会 10 万元;线上广告 15 万元。",
  control: "集客率标准值 15%,预警线 12%,控制线 10%;每周例会检查,低于控制线时调整投放渠道。",
  schedule: "4月1日启动,4月12日车展,4月26日试驾会,5月15日中期检查,6月30日结束复盘。",
  organization: "市场部牵头,负责人:王芳;销售部负责邀约和成交;售后部负责老客户转介绍。",
  review: "每月末复盘一次,对照目标分析偏差,调整下月计划。",
} as const;

export const EN_TEXT = {
  summary:
    "In Q2 we aim to sell 360 new cars, win leads through an auto show and test-drive days, and keep marketing cost under 450,000 yuan.",
  capability:
    "Our after-sales satisfaction ranks first in the region; we have every model for test drives and 8,000 past customers who refer friends.",
  customers:
    "First-time buyers under 35 and families replacing their car; they care about fuel use, space and financing offers.",
  marketingObjectives:
    "April: 1,200 leads, 600 kept contacts, 300 store visits and 120 cars sold; May and June 120 cars each.",
  financialObjectives:
    "Marketing cost 450,000 yuan, at most 1,250 yuan per car sold, gross profit 1,800,000 yuan.",
  strategy:
    "Test-drive experience first: win leads online, convert them in the showroom, and let past customers bring new ones.",
  mix: "1. Auto show on Apr 12, 300 leads; 2. test-drive day on Apr 26 with 80 visitors; 3. referral drive in May.",
  expenses: "Auto show 200,000 yuan; test-drive day 100,000 yuan; online ads 150,000 yuan.",
  control:
    "Lead capture rate: standard value 15%, warning line 12%, control line 10%; weekly check, and we adjust the channels when it falls below the control line.",
  schedule:
    "Kick-off Apr 1, auto show Apr 12, test-drive day Apr 26, mid-term check May 15, closing review Jun 30.",
  organization:
    "Marketing leads (owner: Wang Fang); sales handles invitations and deals; after-sales runs the referral drive.",
  review:
    "A review at the end of each month compares results with the targets and adjusts next month's plan.",
} as const;
