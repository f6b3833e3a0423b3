//! The pages' inline CSS. System fonts only: nothing is loaded.

/// Shared by every page.
pub(crate) const BASE: &str = r#"
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#fff;--panel:#f9fafb}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:var(--bg);font:15px/1.6 system-ui,-apple-system,"Segoe UI","Hiragino Sans","Noto Sans CJK JP","Noto Sans JP","Yu Gothic",Meiryo,sans-serif}
header{padding:16px 24px 8px;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}
h2{font-size:16px;margin:20px 0 8px}
.meta{color:var(--muted);margin:0 0 8px;font-size:13px}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
table{border-collapse:collapse}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid var(--line)}
.none{color:var(--muted)}
small{color:var(--muted)}
@media print{header{border:0}a{color:inherit;text-decoration:none}*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
"#;

/// The notice page.
pub(crate) const NOTICE: &str = r#"
.toggle{position:absolute;opacity:0;pointer-events:none}
.legend{display:flex;flex-wrap:wrap;gap:6px 14px;font-size:13px}
.legend .key{cursor:pointer;user-select:none;display:inline-flex;align-items:center;gap:5px}
.swatch{display:inline-block;width:14px;height:14px;border-radius:3px}
main{display:grid;grid-template-columns:minmax(0,1fr) 380px;gap:24px;padding:16px 24px}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px;line-height:1.9;background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:16px 20px;margin:0}
aside{font-size:13px;position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding-bottom:16px}
aside h2:first-child{margin-top:0}
.summary{width:100%}
.summary th{white-space:nowrap;color:var(--muted);font-weight:600;width:1%}
.summary ul,.warnings{margin:0;padding-left:18px}
.warnings li{color:#92400e}
.hl{border-radius:2px;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.hl:target{outline:2px solid #111}
.f-published,.s-published{background:#e5e7eb;box-shadow:inset 0 0 0 1px #6b7280}
.f-dates,.s-dates{background:#bfdbfe}
.f-record_counts,.s-record_counts{background:#fcd34d;font-weight:600}
.f-data_items,.s-data_items{background:#bbf7d0}
.f-data_items_not_affected,.s-data_items_not_affected{background:#f3f4f6;outline:1px dashed #9ca3af;outline-offset:-1px;color:#4b5563}
.f-contacts,.s-contacts{background:#fbcfe8}
.f-hours,.s-hours{background:#e9d5ff}
.f-incident_types{border-bottom:2px solid #dc2626}
.s-incident_types{border-bottom:3px solid #dc2626;border-radius:0}
.f-leak_status{text-decoration:underline wavy #ea580c;text-underline-offset:4px}
.s-leak_status{border-bottom:3px dotted #ea580c;border-radius:0}
#show-published:not(:checked)~main .f-published,#show-dates:not(:checked)~main .f-dates,#show-record_counts:not(:checked)~main .f-record_counts,#show-data_items:not(:checked)~main .f-data_items,#show-data_items_not_affected:not(:checked)~main .f-data_items_not_affected,#show-contacts:not(:checked)~main .f-contacts,#show-hours:not(:checked)~main .f-hours{background:none;box-shadow:none;outline:none;font-weight:inherit;color:inherit}
#show-incident_types:not(:checked)~main .f-incident_types{border-bottom:0}
#show-leak_status:not(:checked)~main .f-leak_status{text-decoration:none}
#show-published:not(:checked)~header [for=show-published],#show-dates:not(:checked)~header [for=show-dates],#show-record_counts:not(:checked)~header [for=show-record_counts],#show-data_items:not(:checked)~header [for=show-data_items],#show-data_items_not_affected:not(:checked)~header [for=show-data_items_not_affected],#show-contacts:not(:checked)~header [for=show-contacts],#show-hours:not(:checked)~header [for=show-hours],#show-incident_types:not(:checked)~header [for=show-incident_types],#show-leak_status:not(:checked)~header [for=show-leak_status]{opacity:.4;text-decoration:line-through}
@media (max-width:900px){main{grid-template-columns:1fr}aside{position:static;max-height:none}}
@media print{main{display:block;padding:0}.text{border:0;background:none;padding:0}aside{break-before:page;position:static;max-height:none;overflow:visible}.legend .key{cursor:auto}}
"#;

/// The report page.
pub(crate) const REPORT: &str = r#"
main{padding:8px 24px 32px;max-width:1280px}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 0;padding:0;list-style:none}
.stats li{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:6px 12px}
.stats b{display:block;font-size:20px}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(560px,1fr));gap:16px 24px}
figure{margin:0;padding:12px;border:1px solid var(--line);border-radius:6px;break-inside:avoid}
figcaption{font-weight:600;margin-bottom:4px}
figure.wide{grid-column:1/-1}
figure p{margin:4px 0 0;color:var(--muted);font-size:12px}
svg.chart{max-width:100%;height:auto;display:block;font-size:11px}
svg .axis{stroke:#9ca3af;stroke-width:1}
svg .grid{stroke:#e5e7eb;stroke-width:1}
svg text{fill:#374151}
svg text.value{fill:#111827;font-weight:600}
svg text.muted{fill:#6b7280}
.legend{display:flex;flex-wrap:wrap;gap:4px 12px;font-size:12px;margin:4px 0}
.legend span{display:inline-flex;align-items:center;gap:4px}
.legend i{display:inline-block;width:12px;height:12px;border-radius:2px}
.t-ransomware{fill:#b91c1c;background:#b91c1c}
.t-unauthorized_access{fill:#ea580c;background:#ea580c}
.t-malware{fill:#d97706;background:#d97706}
.t-web_tampering{fill:#ca8a04;background:#ca8a04}
.t-phishing{fill:#65a30d;background:#65a30d}
.t-lost_or_stolen{fill:#0d9488;background:#0d9488}
.t-insider{fill:#0284c7;background:#0284c7}
.t-misdelivery{fill:#4f46e5;background:#4f46e5}
.t-misconfiguration{fill:#9333ea;background:#9333ea}
.t-system_failure{fill:#db2777;background:#db2777}
.t-other{fill:#78716c;background:#78716c}
.t-none{fill:#d6d3d1;background:#d6d3d1}
.l-confirmed{fill:#b91c1c;background:#b91c1c}
.l-possible{fill:#f59e0b;background:#f59e0b}
.l-not_found{fill:#10b981;background:#10b981}
.l-none_stated{fill:#9ca3af;background:#9ca3af}
.l-unknown{fill:#e5e7eb;background:#e5e7eb}
.b-count{fill:#2563eb}
.b-affected{fill:#16a34a;background:#16a34a}
.b-not_affected{fill:#9ca3af;background:#9ca3af}
.b-kind{fill:#7c3aed}
#notices{width:100%;font-size:13px;margin-top:8px}
#notices th{position:sticky;top:0;background:#fff;cursor:pointer;user-select:none;white-space:nowrap;border-bottom:2px solid #9ca3af}
#notices th[aria-sort=ascending]::after{content:" ▲"}
#notices th[aria-sort=descending]::after{content:" ▼"}
#notices td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
#notices td.date{white-space:nowrap}
#notices tbody tr:nth-child(even){background:var(--panel)}
@media print{.charts{display:block}figure{margin-bottom:12px}#notices th{position:static}}
"#;
