//! Japanese eras: 明治 1868, 大正 1912, 昭和 1926, 平成 1989, 令和 2019,
//! each counting its first year as 1 (元年).
//!
//! An era year past the era's end (「平成32年」, written before the change
//! to 令和) still converts by arithmetic (2020) but earns a warning; so does
//! a day outside the era's span (「平成31年5月1日」).

use jiff::civil::Date;

/// One era, with its first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Era {
    /// The era name (「令和」).
    pub name: &'static str,
    /// The Western year of its year 1.
    pub first_year: i32,
    /// Its first day (month, day).
    pub first_day: (i8, i8),
    /// Its last day (year, month, day), `None` for the current era.
    pub last_day: Option<(i16, i8, i8)>,
}

/// The eras, newest first.
pub(crate) const ERAS: [Era; 5] = [
    Era {
        name: "令和",
        first_year: 2019,
        first_day: (5, 1),
        last_day: None,
    },
    Era {
        name: "平成",
        first_year: 1989,
        first_day: (1, 8),
        last_day: Some((2019, 4, 30)),
    },
    Era {
        name: "昭和",
        first_year: 1926,
        first_day: (12, 25),
        last_day: Some((1989, 1, 7)),
    },
    Era {
        name: "大正",
        first_year: 1912,
        first_day: (7, 30),
        last_day: Some((1926, 12, 24)),
    },
    Era {
        name: "明治",
        first_year: 1868,
        first_day: (10, 23),
        last_day: Some((1912, 7, 29)),
    },
];

/// The era a name or a one-letter abbreviation (R, H, S, T, M) stands for:
/// 「令和」 and 「R」 give 令和 (year 1 = 2019).
pub(crate) fn era_by_name(name: &str) -> Option<Era> {
    let name = match name {
        "R" | "r" => "令和",
        "H" | "h" => "平成",
        "S" | "s" => "昭和",
        "T" => "大正",
        "M" => "明治",
        n => n,
    };
    ERAS.iter().copied().find(|e| e.name == name)
}

impl Era {
    /// The Western year of era year `n` (1 = 元年).
    pub fn western(&self, n: u32) -> Option<i32> {
        let n = i32::try_from(n).ok()?;
        self.first_year.checked_add(n)?.checked_sub(1)
    }

    /// The last era year number, `None` for the current era.
    fn last_year(&self) -> Option<u32> {
        let (y, _, _) = self.last_day?;
        u32::try_from(i32::from(y) - self.first_year + 1).ok()
    }

    /// Why era year `n` is doubtful, if it is: past the era's end, or 0.
    pub fn year_problem(&self, n: u32) -> Option<String> {
        if n == 0 {
            return Some(format!("{}0年 is not an era year", self.name));
        }
        let last = self.last_year()?;
        (n > last).then(|| {
            format!(
                "{}{}年 is past the end of {} (its last year is {}年); read as {}",
                self.name,
                n,
                self.name,
                last,
                self.western(n).unwrap_or_default()
            )
        })
    }

    /// Why a day is doubtful for this era, if it is: before its first day
    /// or after its last day.
    pub fn day_problem(&self, n: u32, date: Date) -> Option<String> {
        if self.year_problem(n).is_some() {
            return None;
        }
        let first = Date::new(
            i16::try_from(self.first_year).ok()?,
            self.first_day.0,
            self.first_day.1,
        )
        .ok()?;
        let after_end = self
            .last_day
            .and_then(|(y, m, d)| Date::new(y, m, d).ok())
            .is_some_and(|last| date > last);
        (date < first || after_end).then(|| {
            format!(
                "{}{}年 day {} is outside the {} era",
                self.name, n, date, self.name
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn era_years() {
        let reiwa = era_by_name("令和").unwrap();
        assert_eq!(reiwa.western(1), Some(2019));
        assert_eq!(reiwa.western(6), Some(2024));
        let heisei = era_by_name("平成").unwrap();
        assert_eq!(heisei.western(29), Some(2017));
        assert_eq!(heisei.western(32), Some(2020));
        assert!(heisei.year_problem(32).is_some());
        assert!(heisei.year_problem(31).is_none());
        let showa = era_by_name("S").unwrap();
        assert_eq!(showa.western(64), Some(1989));
        assert!(showa.year_problem(64).is_none());
    }

    #[test]
    fn era_boundaries() {
        let heisei = era_by_name("平成").unwrap();
        let reiwa = era_by_name("令和").unwrap();
        assert!(
            heisei
                .day_problem(31, Date::constant(2019, 4, 30))
                .is_none()
        );
        assert!(heisei.day_problem(31, Date::constant(2019, 5, 1)).is_some());
        assert!(reiwa.day_problem(1, Date::constant(2019, 5, 1)).is_none());
        assert!(reiwa.day_problem(1, Date::constant(2019, 4, 30)).is_some());
        let showa = era_by_name("昭和").unwrap();
        assert!(showa.day_problem(64, Date::constant(1989, 1, 7)).is_none());
        assert!(showa.day_problem(64, Date::constant(1989, 1, 8)).is_some());
    }
}
