//! A cursor over normalized text and the numbers dates are written with:
//! ASCII digits (full-width digits are ASCII after normalization) and kanji
//! numerals, both positional (「二十九」) and digit by digit (「二〇二四」).

use crate::numbers::numeral::kanji_digit;

/// A read position in a string; every position it holds is a char boundary.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

/// A number read at a cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Number {
    /// Its value.
    pub value: u32,
    /// How many numeral characters it was written with.
    pub digits: usize,
    /// True when written in kanji (「五」「二〇二四」).
    pub kanji: bool,
}

impl<'a> Cursor<'a> {
    /// A cursor at `pos`, moved back to the char boundary at or before it.
    pub fn new(text: &'a str, pos: usize) -> Self {
        let mut pos = pos.min(text.len());
        while !text.is_char_boundary(pos) {
            pos -= 1;
        }
        Cursor { text, pos }
    }

    /// The byte position.
    pub fn pos(&self) -> usize {
        self.pos
    }

    /// The text before byte `at` (clamped to the text).
    pub fn text_before(&self, at: usize) -> &'a str {
        let mut at = at.min(self.text.len());
        while !self.text.is_char_boundary(at) {
            at -= 1;
        }
        &self.text[..at]
    }

    /// The text after the cursor.
    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }

    /// The next char, if any.
    pub fn peek(&self) -> Option<char> {
        self.rest().chars().next()
    }

    /// Moves past `s` when the text continues with it.
    pub fn eat(&mut self, s: &str) -> bool {
        if self.rest().starts_with(s) {
            self.pos += s.len();
            true
        } else {
            false
        }
    }

    /// Moves past the first of `options` the text continues with.
    pub fn eat_any<'o>(&mut self, options: &[&'o str]) -> Option<&'o str> {
        let found = options.iter().find(|o| self.rest().starts_with(**o))?;
        self.pos += found.len();
        Some(found)
    }

    /// Moves past one char when `pred` accepts it.
    pub fn eat_char(&mut self, pred: impl Fn(char) -> bool) -> Option<char> {
        let c = self.peek().filter(|c| pred(*c))?;
        self.pos += c.len_utf8();
        Some(c)
    }

    /// Skips horizontal spaces (never a line break).
    pub fn skip_spaces(&mut self) {
        while self
            .eat_char(|c| c == ' ' || c == '\t' || c == '\u{3000}')
            .is_some()
        {}
    }

    /// Skips horizontal spaces and, when `newline` is true, one line
    /// break among them (a date wrapped across PDF lines: 「2024 年\n7 月」).
    pub fn skip_gap(&mut self, newline: bool) {
        self.skip_spaces();
        if newline && self.eat("\n") {
            self.skip_spaces();
        }
    }

    /// Reads a number: ASCII digits or kanji numerals.
    ///
    /// Nine characters at most; longer runs are not dates and give `None`.
    pub fn number(&mut self) -> Option<Number> {
        let start = self.pos;
        let digits: &str = {
            let rest = self.rest();
            let n = rest.bytes().take_while(u8::is_ascii_digit).count();
            &rest[..n]
        };
        if !digits.is_empty() {
            if digits.len() > 9 {
                return None;
            }
            let value = digits.parse().ok()?;
            self.pos += digits.len();
            return Some(Number {
                value,
                digits: digits.len(),
                kanji: false,
            });
        }
        let mut numerals = ['\0'; 9];
        let mut count = 0;
        let mut bytes = 0;
        for c in self.rest().chars().take_while(|c| is_kanji_numeral(*c)) {
            if count == numerals.len() {
                return None;
            }
            numerals[count] = c;
            count += 1;
            bytes += c.len_utf8();
        }
        if count == 0 {
            return None;
        }
        let value = kanji_value(&numerals[..count])?;
        self.pos = start + bytes;
        Some(Number {
            value,
            digits: count,
            kanji: true,
        })
    }
}

/// True for the kanji that write numbers (「〇」 to 「九」, 「十」「百」「千」).
pub(crate) fn is_kanji_numeral(c: char) -> bool {
    kanji_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// The value of kanji numerals: positional when 十/百/千 appear
/// (「三十一」 = 31), digit by digit otherwise (「二〇二四」 = 2024).
fn kanji_value(numerals: &[char]) -> Option<u32> {
    let positional = numerals.iter().any(|c| matches!(c, '十' | '百' | '千'));
    if !positional {
        return numerals.iter().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(kanji_digit(*c)?)
        });
    }
    let mut total = 0u32;
    let mut pending: Option<u32> = None;
    for c in numerals {
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            d => {
                if pending.is_some() {
                    return None;
                }
                pending = Some(kanji_digit(*d)?);
                continue;
            }
        };
        total = total.checked_add(pending.take().unwrap_or(1).checked_mul(unit)?)?;
    }
    total.checked_add(pending.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(u32, usize)> {
        let mut c = Cursor::new(s, 0);
        c.number().map(|n| (n.value, c.pos()))
    }

    #[test]
    fn ascii_and_kanji_numbers() {
        assert_eq!(read("2024年"), Some((2024, 4)));
        assert_eq!(read("二〇二四年"), Some((2024, 12)));
        assert_eq!(read("二十九日"), Some((29, 9)));
        assert_eq!(read("三十一"), Some((31, 9)));
        assert_eq!(read("十二月"), Some((12, 6)));
        assert_eq!(read("十月"), Some((10, 3)));
        assert_eq!(read("千九百八十九"), Some((1989, 18)));
        assert_eq!(read("年"), None);
        assert_eq!(read("1234567890"), None);
    }

    #[test]
    fn cursor_never_splits_a_char() {
        let c = Cursor::new("年月", 1);
        assert_eq!(c.pos(), 0);
        assert_eq!(c.peek(), Some('年'));
    }
}
