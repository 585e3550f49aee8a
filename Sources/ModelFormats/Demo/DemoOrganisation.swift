/// The built-in demo organisation, Northwind Bank, as model-file YAML. `load demo` reads it
/// through the ordinary reader, so the reader and the round-trip tests cover it.
enum DemoOrganisation {
    static let yaml = #"""
model: Northwind Bank
review_interval: 12 months
segments:
  - { name: Retail, expects: an account in a day }
  - { name: SME, expects: a lending decision within a week }
stakeholders:
  - { name: Priya Shah, function: Compliance }
  - { name: Tom Eriksen, function: Operations }
  - { name: Aisha Bello, function: Credit Risk }
  - { name: Marco Rossi, function: IT }
  - { name: Hannah Lee, function: Finance }
  - { name: Daniel Okafor, function: Digital }
  - { name: Grace Chen, function: Complaints }
  - { name: Sofia Martins, function: HR }
streams:
  - id: open-account
    name: Open Account
    kind: customer
    trigger: { by: Prospective customer, event: applies for an account, external: true }
    value: Customer holds a funded account and can transact
    owner: { name: Head of Onboarding, reach: cross-functional }
    serves: external
    segments: [Retail, SME]
    demand: 120/day
    promise: 2d
    reviewed: 2026-06-01
    classification: { kind: customer, by: A. Facilitator, on: 2026-05-02, because: "External applicant, several functions, ends with a usable account" }
    signoffs:
      - { by: Priya Shah, function: Compliance, verdict: agree, on: 2026-05-02, note: "KYC is a stage, not the stream" }
      - { by: Tom Eriksen, function: Operations, verdict: agree, on: 2026-05-02 }
    governance: { model: cross-functional, forum: Onboarding board, members: [Head of Onboarding, Head of Digital, Head of Financial Crime] }
    stages:
      - { name: Apply, functions: [Digital], servers: 4, time: 15m, cv: 0.8, capabilities: [customer-mgmt], entrance: "Applicant starts an application", exit: "Application submitted" }
      - { name: Verify identity, functions: [Compliance, Operations], servers: 6, time: 45m, cv: 0.5, defects: 3%, capabilities: [kyc], entrance: "Application submitted", exit: "Identity and sanctions checks passed" }
      - { name: Open and fund, functions: [Operations], servers: 3, time: 20m, wait: 4h, capabilities: [core-banking], entrance: "Checks passed", exit: "Account open with first deposit" }
      - { name: Activate, functions: [Digital, Operations], servers: 2, time: 10m, cv: 0.5, capabilities: [customer-mgmt], entrance: "Account funded", exit: "Customer has card and online access" }
    metrics:
      - { name: Time to first transaction, category: customer, unit: h, direction: down, baseline: 3d, target: 2d }
      - { name: Applications completed on time, category: customer, unit: "%", direction: up, baseline: 78%, target: 90%, responds: { on_time_rate: 1, range: [0, 1] } }
      - { name: Onboarding NPS, category: customer, unit: points, direction: up, baseline: 42, target: 50, responds: { time_to_value_p90_h: -0.2, defect_rate: -60, range: [-100, 100] } }
      - { name: Revenue per new account, category: customer, unit: GBP per year, direction: up, baseline: 180, target: 210, responds: { time_to_value_mean_h: -0.5, range: [0, 400] } }
      - { name: Cost per account opened, category: efficiency, unit: GBP, direction: down, baseline: 38, target: 30 }
  - id: apply-for-loan
    name: Apply for a Loan
    kind: customer
    trigger: { by: Retail or SME customer, event: applies for a loan, external: true }
    value: Customer has the funds they borrowed in their account
    owner: { name: Head of Lending, reach: cross-functional }
    serves: external
    segments: [Retail, SME]
    demand: 40/day
    promise: 10d
    reviewed: 2026-04-15
    classification: { kind: customer, by: A. Facilitator, on: 2026-05-02, because: "Customer-triggered, crosses sales, credit, legal and operations" }
    signoffs:
      - { by: Aisha Bello, function: Credit Risk, verdict: agree, on: 2026-05-02 }
      - { by: Daniel Okafor, function: Digital, verdict: agree, on: 2026-03-10, note: "Signed before the stage list changed", stale: true }
      - { by: Hannah Lee, function: Finance, verdict: agree, on: 2026-05-02 }
    governance: { model: cross-functional, forum: Lending committee, members: [Head of Lending, Chief Credit Officer, Head of Operations] }
    stages:
      - { name: Capture application, functions: [Sales], servers: 5, time: 1h, cv: 0.6, capabilities: [customer-mgmt, doc-mgmt], entrance: "Customer requests a loan", exit: "Complete application with documents" }
      - { name: Assess credit risk, functions: [Credit Risk], servers: 8, time: 3h, cv: 0.7, defects: 8%, rework_to: Capture application, capabilities: [credit], entrance: "Complete application", exit: "Credit decision recorded" }
      - { name: Make offer, functions: [Sales, Credit Risk], servers: 3, time: 45m, wait: 1d, capabilities: [credit], entrance: "Approved decision", exit: "Priced offer sent to customer" }
      - { name: Accept and document, functions: [Legal, Operations], servers: 4, time: 90m, cv: 0.8, defects: 5%, capabilities: [doc-mgmt], entrance: "Offer accepted", exit: "Signed agreement and security in place" }
      - { name: Disburse funds, functions: [Operations, Finance], servers: 2, time: 30m, wait: 4h, capabilities: [core-banking, payments], entrance: "Agreement complete", exit: "Funds in the customer's account" }
    metrics:
      - { name: Time to funds, category: customer, unit: d, direction: down, baseline: 12d, target: 8d }
      - { name: Loans funded on time, category: customer, unit: "%", direction: up, baseline: 64%, target: 85%, responds: { on_time_rate: 1, range: [0, 1] } }
      - { name: Lending NPS, category: customer, unit: points, direction: up, baseline: 31, target: 45, responds: { time_to_value_p90_h: -0.1, defect_rate: -40, range: [-100, 100] } }
      - { name: Lending revenue per day, category: customer, unit: GBP k, direction: up, baseline: 96, target: 120, responds: { time_to_value_mean_h: -0.05, throughput_per_day: 2.4, range: [0, 500] } }
  - id: resolve-complaint
    name: Resolve a Complaint
    kind: customer
    trigger: { by: Customer, event: raises a complaint, external: true }
    value: Customer has a fair outcome and any redress paid
    owner: { name: Head of Customer Care, reach: cross-functional }
    serves: external
    segments: [Retail, SME]
    demand: 60/day
    promise: 2w
    reviewed: 2026-02-20
    signoffs:
      - { by: Grace Chen, function: Complaints, verdict: agree, on: 2026-05-03 }
    governance: { model: cross-functional, forum: Customer outcomes forum, members: [Head of Customer Care, Head of Operations, Head of Conduct Risk] }
    stages:
      - { name: Log complaint, functions: [Contact Centre], servers: 6, time: 15m, cv: 0.6, capabilities: [case-mgmt] }
      - { name: Investigate, functions: [Complaints, Operations], servers: 12, time: 3h, cv: 1.2, wait: 1d, capabilities: [case-mgmt] }
      - { name: Decide redress, functions: [Complaints, Finance], servers: 3, time: 30m, capabilities: [case-mgmt] }
      - { name: Respond to customer, functions: [Complaints, Contact Centre], servers: 4, time: 30m, defects: 10%, rework_to: Investigate, capabilities: [case-mgmt] }
    metrics:
      - { name: Cost per complaint, category: efficiency, unit: GBP, direction: down, baseline: 145, target: 110 }
      - { name: Handling time, category: efficiency, unit: h, direction: down, baseline: 4.5h, target: 3.5h }
      - { name: Cases closed per handler per week, category: efficiency, unit: cases, direction: up, baseline: 22, target: 26 }
  - id: dispute-card-payment
    name: Dispute a Card Payment
    kind: customer
    trigger: { by: Cardholder, event: disputes a card transaction, external: true }
    value: Cardholder has their money back or a clear reason why not
    owner: { name: Head of Cards, reach: cross-functional }
    serves: external
    segments: [Retail, SME]
    demand: 200/day
    promise: 30d
    reviewed: 2026-07-01
    governance: { model: cross-functional, forum: Cards and payments board, members: [Head of Cards, Head of Fraud, Head of Digital] }
    stages:
      - { name: Raise dispute, functions: [Digital, Contact Centre], servers: 4, time: 10m, cv: 0.7, capabilities: [case-mgmt] }
      - { name: Provisional credit, functions: [Cards Operations], servers: 3, time: 5m, cv: 0.3, capabilities: [payments, core-banking] }
      - { name: Gather evidence, functions: [Cards Operations, Fraud], servers: 12, time: 1h, cv: 0.8, wait: 2d, defects: 6%, capabilities: [case-mgmt] }
      - { name: Submit chargeback, functions: [Cards Operations], servers: 4, time: 20m, wait: 5d, capabilities: [payments] }
      - { name: Close and notify, functions: [Finance, Digital], servers: 2, time: 5m, capabilities: [core-banking] }
    metrics:
      - { name: Time to resolution, category: customer, unit: d, direction: down, baseline: 21d, target: 14d }
      - { name: Dispute CSAT, category: customer, unit: "%", direction: up, baseline: 71%, target: 80%, responds: { time_to_value_mean_h: -0.0005, defect_rate: -0.5, range: [0, 1] } }
      - { name: Disputes resolved on time, category: customer, unit: "%", direction: up, baseline: 88%, target: 95%, responds: { on_time_rate: 1, range: [0, 1] } }
      - { name: Cost per dispute, category: efficiency, unit: GBP, direction: down, baseline: 24, target: 18 }
  - id: it-service-desk
    name: Resolve IT Service Requests
    kind: customer
    trigger: { by: Employee, event: raises an IT ticket, external: false }
    value: Employee can work again
    owner: { name: IT Service Manager, reach: functional }
    serves: internal
    demand: 300/day
    promise: 8h
    reviewed: 2026-05-20
    classification: { kind: customer, by: IT Service Manager, on: 2025-11-12, because: "Employees are the service desk's customers" }
    signoffs:
      - { by: Marco Rossi, function: IT, verdict: agree, on: 2025-11-12, note: "We run it as a customer service" }
      - { by: Tom Eriksen, function: Operations, verdict: disagree, on: 2026-05-02, note: "Only staff raise tickets; it serves the bank, not its customers" }
    governance: { model: functional, forum: IT service review, members: [IT Service Manager, Head of IT Operations] }
    stages:
      - { name: Log ticket, functions: [IT], servers: 4, time: 5m, cv: 0.5, capabilities: [it-ops] }
      - { name: Triage, functions: [IT], servers: 3, time: 10m, cv: 0.8, capabilities: [it-ops] }
      - { name: Resolve, functions: [IT], servers: 20, time: 1h, cv: 1.5, defects: 8%, capabilities: [it-ops] }
      - { name: Confirm and close, functions: [IT], servers: 2, time: 5m, wait: 4h, capabilities: [it-ops] }
    metrics:
      - { name: Cost per ticket, category: efficiency, unit: GBP, direction: down, baseline: 19, target: 15 }
      - { name: First-contact resolution, category: efficiency, unit: "%", direction: up, baseline: 62%, target: 70% }
      - { name: Mean time to resolve, category: efficiency, unit: h, direction: down, baseline: 6h, target: 4h }
  - id: it-infra
    name: Manage IT Infrastructure
    kind: supporting
    trigger: { by: IT operations, event: raises a change or capacity request, external: false }
    value: Platforms the bank runs on are available and current
    owner: { name: Head of IT Operations, reach: functional }
    serves: internal
    demand: 50/day
    service_level: { availability: 100%, capacity: 100%, latency: 0h, errors: 0% }
    reviewed: 2026-03-30
    classification: { kind: supporting, by: A. Facilitator, on: 2026-05-02, because: "Internal trigger, one function, enables every customer stream" }
    signoffs:
      - { by: Marco Rossi, function: IT, verdict: agree, on: 2026-05-02 }
    governance: { model: functional, forum: IT operations board, members: [Head of IT Operations, Head of Onboarding, Head of Lending] }
    stages:
      - { name: Request change, functions: [IT], servers: 2, time: 20m, capabilities: [it-ops] }
      - { name: Assess and approve, functions: [IT], servers: 2, time: 30m, wait: 1d, capabilities: [it-ops] }
      - { name: Implement, functions: [IT], servers: 6, time: 2h, cv: 1.0, capabilities: [it-ops] }
      - { name: Verify and close, functions: [IT], servers: 2, time: 30m, defects: 5%, rework_to: Implement, capabilities: [it-ops] }
    metrics:
      - { name: Platform availability, category: efficiency, unit: "%", direction: up, baseline: 99.5%, target: 99.9% }
      - { name: Cost per change, category: efficiency, unit: GBP, direction: down, baseline: 620, target: 500 }
      - { name: Change failure rate, category: efficiency, unit: "%", direction: down, baseline: 5%, target: 3% }
  - id: hire-onboard
    name: Hire and Onboard Staff
    kind: supporting
    trigger: { by: Hiring manager, event: approves a vacancy, external: false }
    value: A trained colleague is productive in their role
    owner: { name: Head of Talent, reach: functional }
    serves: internal
    demand: 3/day
    service_level: { availability: 100%, capacity: 100%, latency: 0h, errors: 0% }
    reviewed: 2026-01-18
    governance: { model: functional, forum: People committee, members: [Head of Talent, HR Business Partner, Head of Lending] }
    stages:
      - { name: Approve requisition, functions: [HR], servers: 1, time: 1h, wait: 2d, capabilities: [workforce] }
      - { name: Source and screen, functions: [HR], servers: 2, time: 6h, cv: 0.8, capabilities: [workforce] }
      - { name: Interview and offer, functions: [HR], servers: 2, time: 8h, wait: 1w, defects: 20%, rework_to: Source and screen, capabilities: [workforce] }
      - { name: Onboard, functions: [HR], servers: 1, time: 4h, wait: 4w, capabilities: [workforce] }
    metrics:
      - { name: Time to hire, category: efficiency, unit: d, direction: down, baseline: 45d, target: 35d }
      - { name: Cost per hire, category: efficiency, unit: GBP, direction: down, baseline: 4200, target: 3500 }
      - { name: Offer acceptance rate, category: efficiency, unit: "%", direction: up, baseline: 80%, target: 88% }
  - id: close-books
    name: Close the Books
    kind: supporting
    trigger: { by: Finance, event: receives a posting to reconcile at period end, external: false }
    value: Ledgers are reconciled and the period is reported
    owner: { name: Financial Controller, reach: functional }
    serves: internal
    demand: 80/day
    service_level: { availability: 100%, capacity: 100%, latency: 0h, errors: 0% }
    reviewed: 2025-09-30
    governance: { model: functional, forum: Finance leadership team, members: [Financial Controller, Chief Financial Officer] }
    stages:
      - { name: Collect postings, functions: [Finance], servers: 2, time: 10m, capabilities: [ledger] }
      - { name: Reconcile, functions: [Finance], servers: 4, time: 45m, cv: 0.6, defects: 4%, capabilities: [ledger] }
      - { name: Review and approve, functions: [Finance], servers: 2, time: 15m, capabilities: [ledger] }
      - { name: Report, functions: [Finance], servers: 1, time: 5m, capabilities: [ledger] }
    metrics:
      - { name: Days to close, category: efficiency, unit: d, direction: down, baseline: 8d, target: 5d }
      - { name: Cost per reconciliation, category: efficiency, unit: GBP, direction: down, baseline: 12, target: 9 }
      - { name: Reconciliation exceptions, category: efficiency, unit: "%", direction: down, baseline: 4%, target: 2% }
  - id: ensure-compliance
    name: Ensure Regulatory Compliance
    kind: supporting
    trigger: { by: Compliance, event: receives a regulatory change or monitoring alert, external: false }
    value: Obligations are met and controls evidenced
    owner: { name: Chief Compliance Officer, reach: functional }
    serves: internal
    demand: 30/day
    service_level: { availability: 100%, capacity: 100%, latency: 0h, errors: 0% }
    reviewed: 2026-05-02
    classification: { kind: supporting, by: A. Facilitator, on: 2026-05-02, because: "Internal trigger, one function, sets the rules customer stages apply" }
    signoffs:
      - { by: Priya Shah, function: Compliance, verdict: agree, on: 2026-05-02 }
    governance: { model: functional, forum: Compliance committee, members: [Chief Compliance Officer, Head of Financial Crime, Onboarding board] }
    stages:
      - { name: Capture obligation, functions: [Compliance], servers: 2, time: 30m, capabilities: [reg-compliance] }
      - { name: Assess impact, functions: [Compliance], servers: 4, time: 2h, cv: 0.7, capabilities: [reg-compliance] }
      - { name: Implement control, functions: [Compliance], servers: 4, time: 2h, defects: 5%, rework_to: Assess impact, capabilities: [reg-compliance] }
      - { name: Attest, functions: [Compliance], servers: 1, time: 20m, capabilities: [reg-compliance] }
    metrics:
      - { name: Controls passing testing, category: efficiency, unit: "%", direction: up, baseline: 94%, target: 98% }
      - { name: Cost per alert, category: efficiency, unit: GBP, direction: down, baseline: 55, target: 40 }
      - { name: Alert handling time, category: efficiency, unit: h, direction: down, baseline: 3h, target: 2h }
capabilities:
  - { id: customer-mgmt, name: Customer Management, parent: null, assessment: 3 }
  - { id: kyc, name: Identity & KYC, parent: customer-mgmt, assessment: 2 }
  - { id: credit, name: Credit Risk Assessment, parent: null, assessment: 3 }
  - { id: doc-mgmt, name: Document Management, parent: null, assessment: 2 }
  - { id: core-banking, name: Core Banking, parent: null, assessment: 4 }
  - { id: payments, name: Payments Processing, parent: core-banking, assessment: 4 }
  - { id: case-mgmt, name: Case Management, parent: customer-mgmt, assessment: 2 }
  - { id: ledger, name: General Ledger & Reporting, parent: null, assessment: 3 }
  - { id: workforce, name: Workforce Management, parent: null, assessment: 3 }
  - { id: reg-compliance, name: Regulatory Compliance Management, parent: null, assessment: 3 }
  - { id: it-ops, name: IT Operations, parent: null, assessment: 4 }
integrations:
  - { id: it-verify, from: it-infra, to: open-account/Verify identity, effect: capacity, strength: 1.0, sla: { availability: 99.5% }, description: "KYC service on the core platform" }
  - { id: it-apply, from: it-infra, to: open-account/Apply, effect: latency, strength: 0.6, sla: { availability: 99.5%, latency: 5m }, description: "Online application front end" }
  - { id: it-open, from: it-infra, to: open-account/Open and fund, effect: capacity, strength: 0.8, sla: { availability: 99.9% }, description: "Core banking account opening" }
  - { id: it-credit, from: it-infra, to: apply-for-loan/Assess credit risk, effect: capacity, strength: 0.9, sla: { availability: 99.5% }, description: "Credit decision engine and bureau gateway" }
  - { id: it-disburse, from: it-infra, to: apply-for-loan/Disburse funds, effect: capacity, strength: 0.7, sla: { availability: 99.9%, latency: 1h }, description: "Loan booking and payment release" }
  - { id: it-cards, from: it-infra, to: dispute-card-payment/Provisional credit, effect: capacity, strength: 0.9, sla: { availability: 99.9% }, description: "Card processing platform" }
  - { id: it-desk, from: it-infra, to: it-service-desk/Resolve, effect: capacity, strength: 0.7, sla: { availability: 99.5% }, description: "Remote support and device management tools" }
  - { id: it-compliance, from: it-infra, to: ensure-compliance, effect: capacity, strength: 0.8, sla: { availability: 99.5% }, description: "Screening and monitoring systems" }
  - { id: it-ledger, from: it-infra, to: close-books, effect: capacity, strength: 0.6, sla: { availability: 99.0% }, description: "General ledger platform" }
  - { id: it-hr, from: it-infra, to: hire-onboard, effect: latency, strength: 0.3, sla: { latency: 1d }, description: "HR system and new-joiner access" }
  - { id: hr-credit, from: hire-onboard/Onboard, to: apply-for-loan/Assess credit risk, effect: capacity, strength: 0.6, sla: { capacity: 95% }, description: "Credit analysts hired and trained by HR" }
  - { id: hr-complaints, from: hire-onboard, to: resolve-complaint/Investigate, effect: capacity, strength: 0.5, sla: { capacity: 90% }, description: "Complaint handlers hired and trained by HR" }
  - { id: hr-compliance, from: hire-onboard, to: ensure-compliance, effect: capacity, strength: 0.5, sla: { capacity: 90% }, description: "Compliance analysts hired by HR" }
  - { id: comp-verify, from: ensure-compliance, to: open-account/Verify identity, effect: quality, strength: 0.8, sla: { errors: 1% }, description: "Sanctions and PEP screening rules" }
  - { id: comp-document, from: ensure-compliance, to: apply-for-loan/Accept and document, effect: latency, strength: 0.5, description: "Policy sign-off on non-standard loan terms" }
  - { id: comp-redress, from: ensure-compliance, to: resolve-complaint/Decide redress, effect: quality, strength: 0.4, sla: { latency: 1d, errors: 2% }, description: "Conduct rules and redress guidance" }
  - { id: fin-offer, from: close-books, to: apply-for-loan/Make offer, effect: latency, strength: 0.3, description: "Funding cost and pricing inputs from Finance" }
  - { id: fin-dispute, from: close-books, to: dispute-card-payment/Close and notify, effect: quality, strength: 0.5, sla: { errors: 0.5% }, description: "Chargeback suspense account reconciliation" }
"""#
}
