//! Charts as inline SVG: horizontal bars (linear or log scale), paired
//! horizontal bars, stacked columns. Sizes are in the viewBox's units; the
//! page's CSS scales each chart to its box and colors it by class.

use std::fmt::Write as _;

use super::escape::html as esc;

/// One bar, or one segment of a stacked column.
#[derive(Debug, Clone)]
pub(crate) struct Bar {
    pub label: String,
    pub value: u64,
    /// CSS class (its fill).
    pub class: String,
    /// The value as shown beside the bar.
    pub shown: String,
    /// Hover text.
    pub tip: String,
}

const WIDTH: f64 = 640.0;
const ROW: f64 = 20.0;

/// Opens a chart `width` wide: drawn at its own size, narrower when its
/// box is (the page's CSS sets `max-width: 100%`).
fn open(out: &mut String, id: &str, width: f64, height: f64, label: &str) {
    let _ = write!(
        out,
        "<svg id=\"{id}\" class=\"chart\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"{}\">",
        esc(label)
    );
}

/// `text` cut to `max` characters, with 「…」 when cut.
pub(crate) fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Where `value` falls on a log scale from 1 to `top` (a power of ten),
/// as a share of the axis.
fn log_share(value: u64, top: u64) -> f64 {
    let top = (top.max(10) as f64).log10();
    ((value.max(1) as f64).log10() / top).clamp(0.0, 1.0)
}

/// The power of ten at or above `n` (at least 10).
pub(crate) fn decade_above(n: u64) -> u64 {
    let mut top = 10u64;
    while top < n {
        top = top.saturating_mul(10);
    }
    top
}

/// 1000 → 「1千」, 10000 → 「1万」: tick labels as Japanese readers count.
pub(crate) fn short_number(n: u64) -> String {
    match n {
        0..1_000 => n.to_string(),
        1_000..10_000 => format!("{}千", n / 1_000),
        10_000..100_000_000 => format!("{}万", n / 10_000),
        _ => format!("{}億", n / 100_000_000),
    }
}

/// Horizontal bars, one row each, labels on the left; on a log scale
/// with decade grid lines when `log`.
pub(crate) fn hbars(id: &str, aria: &str, bars: &[Bar], log: bool, label_width: f64) -> String {
    let plot_left = label_width + 8.0;
    let plot_width = WIDTH - plot_left - 70.0;
    let top_pad = if log { 18.0 } else { 4.0 };
    let height = top_pad + ROW * bars.len().max(1) as f64 + 4.0;
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let top = decade_above(max);
    let share = |v: u64| {
        if log {
            log_share(v, top)
        } else {
            v as f64 / max as f64
        }
    };
    let mut out = String::new();
    open(&mut out, id, WIDTH, height, aria);
    if log {
        let mut tick = 1u64;
        let decades = (top as f64).log10().round() as u32;
        let mut k = 0u32;
        while tick <= top {
            let x = plot_left + plot_width * log_share(tick, top);
            let _ = write!(
                out,
                "<line class=\"grid\" x1=\"{x:.1}\" y1=\"14\" x2=\"{x:.1}\" y2=\"{:.1}\"/>",
                height - 4.0
            );
            // Every decade labelled while they fit, else every other one.
            if decades <= 6 || k.is_multiple_of(2) {
                let _ = write!(
                    out,
                    "<text class=\"muted\" x=\"{x:.1}\" y=\"11\" text-anchor=\"middle\">{}</text>",
                    short_number(tick)
                );
            }
            k += 1;
            tick = tick.saturating_mul(10);
            if tick == u64::MAX {
                break;
            }
        }
    }
    if bars.is_empty() {
        let _ = write!(
            out,
            "<text class=\"muted\" x=\"{plot_left}\" y=\"{:.1}\">no data</text>",
            top_pad + 14.0
        );
    }
    for (i, bar) in bars.iter().enumerate() {
        let y = top_pad + ROW * i as f64;
        let w = (plot_width * share(bar.value)).max(1.0);
        let _ = write!(
            out,
            "<text x=\"{label_width}\" y=\"{:.1}\" text-anchor=\"end\">{}</text><rect class=\"bar {}\" x=\"{plot_left}\" y=\"{:.1}\" width=\"{w:.1}\" height=\"{:.1}\"><title>{}</title></rect><text class=\"value\" x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            y + 14.0,
            esc(&bar.label),
            esc(&bar.class),
            y + 3.0,
            ROW - 6.0,
            esc(&bar.tip),
            plot_left + w + 4.0,
            y + 14.0,
            esc(&bar.shown)
        );
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{plot_left}\" y1=\"{top_pad}\" x2=\"{plot_left}\" y2=\"{:.1}\"/></svg>",
        height - 4.0
    );
    out
}

/// Horizontal bars in pairs: per row, the first bar above the second (on
/// one linear scale).
pub(crate) fn paired_hbars(
    id: &str,
    aria: &str,
    rows: &[(Bar, Bar)],
    width: f64,
    label_width: f64,
) -> String {
    let plot_left = label_width + 8.0;
    let plot_width = width - plot_left - 50.0;
    let row = 24.0;
    let height = row * rows.len().max(1) as f64 + 8.0;
    let max = rows
        .iter()
        .map(|(a, b)| a.value.max(b.value))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut out = String::new();
    open(&mut out, id, width, height, aria);
    if rows.is_empty() {
        let _ = write!(
            out,
            "<text class=\"muted\" x=\"{plot_left}\" y=\"16\">no data</text>"
        );
    }
    for (i, (a, b)) in rows.iter().enumerate() {
        let y = 4.0 + row * i as f64;
        let _ = write!(
            out,
            "<text x=\"{label_width}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            y + 15.0,
            esc(&a.label)
        );
        for (k, bar) in [a, b].into_iter().enumerate() {
            let by = y + 2.0 + 10.0 * k as f64;
            let w = if bar.value == 0 {
                0.0
            } else {
                (plot_width * bar.value as f64 / max as f64).max(1.0)
            };
            let _ = write!(
                out,
                "<rect class=\"bar {}\" x=\"{plot_left}\" y=\"{by:.1}\" width=\"{w:.1}\" height=\"9\"><title>{}</title></rect>",
                esc(&bar.class),
                esc(&bar.tip)
            );
            if bar.value > 0 {
                let _ = write!(
                    out,
                    "<text class=\"value\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"9\">{}</text>",
                    plot_left + w + 3.0,
                    by + 8.5,
                    esc(&bar.shown)
                );
            }
        }
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{plot_left}\" y1=\"4\" x2=\"{plot_left}\" y2=\"{:.1}\"/></svg>",
        height - 4.0
    );
    out
}

/// Stacked columns: one per label, segments bottom-up in the order given,
/// the column's total above it. Labels are shown every `label_every`
/// columns (and always for the first).
pub(crate) fn columns(
    id: &str,
    aria: &str,
    columns: &[(String, Vec<Bar>)],
    width: f64,
    label_every: usize,
) -> String {
    let height = 240.0;
    let (left, bottom, top) = (40.0, 56.0, 18.0);
    let plot_h = height - bottom - top;
    let plot_w = width - left - 8.0;
    let totals: Vec<u64> = columns
        .iter()
        .map(|(_, segs)| segs.iter().map(|s| s.value).sum())
        .collect();
    let max = totals.iter().copied().max().unwrap_or(0).max(1);
    let step = nice_step(max);
    let scale_top = max.div_ceil(step) * step;
    let slot = plot_w / columns.len().max(1) as f64;
    let bar_w = (slot * 0.8).max(1.0);
    let mut out = String::new();
    open(&mut out, id, width, height, aria);
    let mut tick = 0;
    while tick <= scale_top {
        let y = top + plot_h * (1.0 - tick as f64 / scale_top as f64);
        let _ = write!(
            out,
            "<line class=\"grid\" x1=\"{left}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text class=\"muted\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{tick}</text>",
            width - 8.0,
            left - 4.0,
            y + 4.0
        );
        tick += step;
    }
    if columns.is_empty() {
        let _ = write!(
            out,
            "<text class=\"muted\" x=\"{:.1}\" y=\"{:.1}\">no data</text>",
            left + 8.0,
            top + 20.0
        );
    }
    for (i, ((label, segs), total)) in columns.iter().zip(&totals).enumerate() {
        let x = left + slot * i as f64 + (slot - bar_w) / 2.0;
        let mut y = top + plot_h;
        for seg in segs.iter().filter(|s| s.value > 0) {
            let h = plot_h * seg.value as f64 / scale_top as f64;
            y -= h;
            let _ = write!(
                out,
                "<rect class=\"bar {}\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{bar_w:.1}\" height=\"{h:.1}\"><title>{}</title></rect>",
                esc(&seg.class),
                esc(&seg.tip)
            );
        }
        let cx = x + bar_w / 2.0;
        if *total > 0 && slot >= 14.0 {
            let _ = write!(
                out,
                "<text class=\"value\" x=\"{cx:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"9\">{total}</text>",
                y - 3.0
            );
        }
        if i.is_multiple_of(label_every.max(1)) {
            let ly = top + plot_h + 14.0;
            if slot >= 50.0 {
                let _ = write!(
                    out,
                    "<text x=\"{cx:.1}\" y=\"{ly:.1}\" text-anchor=\"middle\">{}</text>",
                    esc(label)
                );
            } else {
                let _ = write!(
                    out,
                    "<text x=\"{cx:.1}\" y=\"{ly:.1}\" text-anchor=\"end\" transform=\"rotate(-45 {cx:.1} {ly:.1})\">{}</text>",
                    esc(label)
                );
            }
        }
    }
    let _ = write!(
        out,
        "<line class=\"axis\" x1=\"{left}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\"/></svg>",
        top + plot_h,
        width - 8.0,
        top + plot_h
    );
    out
}

/// A round step for about five grid lines up to `max`.
fn nice_step(max: u64) -> u64 {
    let raw = (max as f64 / 5.0).max(1.0);
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(raw);
    (step as u64).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_round() {
        assert_eq!(nice_step(1), 1);
        assert_eq!(nice_step(7), 2);
        assert_eq!(nice_step(48), 10);
        assert_eq!(nice_step(230), 50);
    }

    #[test]
    fn numbers_and_decades() {
        assert_eq!(short_number(10_000), "1万");
        assert_eq!(short_number(1_000), "1千");
        assert_eq!(decade_above(130_000), 1_000_000);
        assert_eq!(decade_above(0), 10);
        assert_eq!(clip("あいうえお", 3), "あい…");
    }

    #[test]
    fn empty_charts_still_render() {
        assert!(hbars("x", "x", &[], true, 100.0).ends_with("</svg>"));
        assert!(paired_hbars("x", "x", &[], 640.0, 100.0).ends_with("</svg>"));
        assert!(columns("x", "x", &[], 600.0, 1).ends_with("</svg>"));
    }
}
