// English corpus plans typed into the plan template (see template-plans.ts for the block layout).
import type { TemplatePlan } from "./template-plans";

const riverside: TemplatePlan = {
  id: "en-tpl-good-riverside",
  lang: "en-US",
  dealer: "Riverside Toyota",
  brand: "Toyota",
  salesTarget: 300,
  revenueTarget: 11_400_000,
  budget: 420_000,
  elements: [
    [
      "Q2: 300 new vehicles, revenue $11.4M, marketing budget $420,000; two pushes: the RAV4 Hybrid Spring Event (April) and Memorial Day Sales (May).",
      "GM Robert Hayes",
      "2026-03-27",
      "Done",
    ],
    [
      "Largest hybrid inventory in the county (140 RAV4 and Camry hybrids); service retention 64%; the BDC answers leads in 12 minutes on average. Weakness: few used-car trade-ins.",
      "Sales – Omar Haddad",
      "2026-03-27",
      "Done",
    ],
    [
      "Commuters replacing a 7+ year-old sedan (CRM: 3,100 owners); families wanting a hybrid SUV; rideshare drivers.",
      "Marketing – Nicole Park",
      "2026-03-27",
      "Done",
    ],
    [
      "300 sales (April 95, May 110, June 95); 2,400 leads; 1,250 showroom visits; closing rate 24%.",
      "Sales – Omar Haddad",
      "2026-03-31",
      "In progress",
    ],
    [
      "Revenue $11.4M; gross profit per vehicle $2,600 incl. F&I; marketing cost per vehicle at most $1,400.",
      "Finance – Steve Moran",
      "2026-03-31",
      "In progress",
    ],
    [
      "Lead with hybrid fuel savings; turn service customers into buyers with an equity check at every service visit.",
      "GM Robert Hayes",
      "2026-03-31",
      "In progress",
    ],
    [
      "RAV4 Hybrid Spring Event 4/11–4/12 (300 test drives, 55 orders); Memorial Day Sales 5/22–5/25 (100 orders); service-lane equity program all quarter (40 sales); paid search and social (1,300 leads).",
      "Marketing – Nicole Park",
      "2026-04-05",
      "In progress",
    ],
    [
      "Events $190,000; digital $160,000; equity program $40,000; reserve $30,000; total $420,000.",
      "Finance – Steve Moran",
      "2026-03-31",
      "In progress",
    ],
    [
      "Weekly review of leads, orders and cost per vehicle against the control lines in block 4.",
      "Sales – Omar Haddad",
      "2026-04-06",
      "In progress",
    ],
    ["Milestones in block 3.", "Marketing – Nicole Park", "2026-03-31", "In progress"],
    [
      "GM Robert Hayes accountable; Marketing Nicole Park (events, digital); Sales Omar Haddad (visits, orders); Service Grace Liu (equity program); Finance Steve Moran (spend).",
      "GM Robert Hayes",
      "2026-03-27",
      "Done",
    ],
    [
      "Monthly review on the last Thursday; Q2 report by July 7 with deviations and corrective actions.",
      "GM Robert Hayes",
      "2026-07-07",
      "Not started",
    ],
  ],
  indicators: [
    ["New vehicle sales", "DMS deliveries", 300, "Omar Haddad"],
    ["Leads", "CRM lead log", 2400, "Nicole Park"],
    ["Closing rate", "sales / showroom visits", "24%", "Omar Haddad"],
    ["Cost per vehicle sold", "marketing spend / units", "$1,400", "Steve Moran"],
  ],
  schedule: [
    ["Kick-off", "targets per salesperson", "2026-03-30", "Robert Hayes"],
    ["Spring Event", "RAV4 Hybrid test-drive weekend", "2026-04-11", "Nicole Park"],
    ["Memorial Day Sales", "four-day sale", "2026-05-22", "Omar Haddad"],
    ["Mid-quarter review", "200 sales, at most 67% of budget spent", "2026-05-29", "Robert Hayes"],
    ["Q2 review", "written report", "2026-07-07", "Robert Hayes"],
  ],
  control: [
    [
      "Weekly leads",
      "Below the line: move budget to the best campaigns, BDC call blitz",
      185,
      160,
      "Weekly",
      "Nicole Park",
    ],
    [
      "Weekly orders",
      "Below the line: manager reviews open quotes; GM trade-in bonus",
      23,
      19,
      "Weekly",
      "Omar Haddad",
    ],
    ["Cost per vehicle", "Above the line: pause the worst channel", 1400, 1600, "Monthly", "Steve Moran"],
  ],
};

const northgate: TemplatePlan = {
  id: "en-tpl-middling-northgate",
  lang: "en-US",
  dealer: "Northgate Honda",
  brand: "Honda",
  salesTarget: 180,
  budget: 80_000,
  elements: [
    ["Sell 180 cars in Q2.", null, null, null],
    ["TBD", null, null, null],
    ["Families and students near the university.", null, null, null],
    ["180 new cars, 1,000 leads.", "Kevin O'Brien", null, "In progress"],
    ["see attachment", null, null, null],
    ["Same as last year.", null, null, null],
    ["Spring sale in April, graduation offer in May and June, online ads.", "Lisa Wong", null, "In progress"],
    ["About $80,000.", null, null, null],
    [null, null, null, null],
    [null, null, null, null],
    ["Sales manager Kevin O'Brien.", null, null, null],
    ["TBD", null, null, null],
  ],
  indicators: [
    ["New car sales", "units", 180, "Kevin O'Brien"],
    ["Leads", "website + phone", 1000, "Lisa Wong"],
  ],
  schedule: [
    ["Spring sale", null, "2026-04-18", "Lisa Wong"],
    ["Graduation offer", null, "2026-05-15", "Lisa Wong"],
    ["Quarter end", null, "2026-06-30", null],
  ],
  control: [["Leads per week", null, 80, null, "Weekly", "Lisa Wong"]],
};

export const TEMPLATE_PLANS_EN: readonly TemplatePlan[] = [riverside, northgate];
