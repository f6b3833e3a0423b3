//! A content-stream reader that keeps only what text extraction needs:
//! numbers, strings, names and arrays as operands, then the operator.
//! Dictionaries (marked content) are skipped, and so is the data of inline
//! images (`BI … ID … EI`). It allocates only for strings and arrays, so
//! pages full of path operators (grids, tables) are read quickly.

/// An operand of a content-stream operator.
#[derive(Debug, Clone, PartialEq)]
pub enum Operand {
    /// An integer or real number.
    Number(f64),
    /// A literal or hex string, decoded to bytes.
    Str(Vec<u8>),
    /// A name, without its slash.
    Name(Vec<u8>),
    /// An array (for `TJ`).
    Array(Vec<Operand>),
    /// Anything else (dictionaries, booleans, null).
    Other,
}

/// Reads operators one by one.
///
/// ```
/// use jpnotice::pdf::native::lexer::{Lexer, Operand};
/// let mut lexer = Lexer::new(b"BT /F1 12 Tf [(A) -250 <3042>] TJ ET");
/// let mut ops = Vec::new();
/// assert_eq!(lexer.next_operator(&mut ops), Some(&b"BT"[..]));
/// assert_eq!(lexer.next_operator(&mut ops), Some(&b"Tf"[..]));
/// assert_eq!(ops, [Operand::Name(b"F1".to_vec()), Operand::Number(12.0)]);
/// assert_eq!(lexer.next_operator(&mut ops), Some(&b"TJ"[..]));
/// assert_eq!(ops[0], Operand::Array(vec![
///     Operand::Str(b"A".to_vec()), Operand::Number(-250.0), Operand::Str(vec![0x30, 0x42]),
/// ]));
/// ```
pub struct Lexer<'b> {
    bytes: &'b [u8],
    pos: usize,
}

/// How deeply arrays and dictionaries may nest.
const MAX_DEPTH: usize = 32;

enum Token<'b> {
    Operand(Operand),
    Keyword(&'b [u8]),
    ArrayEnd,
    DictEnd,
}

impl<'b> Lexer<'b> {
    /// A reader over decoded content-stream bytes.
    pub fn new(bytes: &'b [u8]) -> Self {
        Lexer { bytes, pos: 0 }
    }

    /// The next operator, its operands in `operands` (cleared first);
    /// `None` at the end.
    pub fn next_operator(&mut self, operands: &mut Vec<Operand>) -> Option<&'b [u8]> {
        operands.clear();
        loop {
            match self.token(0)? {
                Token::Operand(o) => operands.push(o),
                Token::Keyword(b"true" | b"false" | b"null") => operands.push(Operand::Other),
                Token::Keyword(b"BI") => {
                    self.skip_inline_image();
                    operands.clear();
                }
                Token::Keyword(k) => return Some(k),
                Token::ArrayEnd | Token::DictEnd => {}
            }
        }
    }

    fn skip_space(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(&c) = self.bytes.get(self.pos) {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn token(&mut self, depth: usize) -> Option<Token<'b>> {
        self.skip_space();
        let b = *self.bytes.get(self.pos)?;
        match b {
            b'/' => {
                self.pos += 1;
                let start = self.pos;
                self.skip_regular();
                Some(Token::Operand(Operand::Name(name(
                    &self.bytes[start..self.pos],
                ))))
            }
            b'(' => Some(Token::Operand(Operand::Str(self.literal()))),
            b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_until_dict_end(depth);
                Some(Token::Operand(Operand::Other))
            }
            b'<' => Some(Token::Operand(Operand::Str(self.hex()))),
            b'>' => {
                self.pos += if self.bytes.get(self.pos + 1) == Some(&b'>') {
                    2
                } else {
                    1
                };
                Some(Token::DictEnd)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                if depth < MAX_DEPTH {
                    loop {
                        match self.token(depth + 1) {
                            Some(Token::Operand(o)) => items.push(o),
                            Some(Token::ArrayEnd) | None => break,
                            Some(Token::Keyword(_) | Token::DictEnd) => {
                                items.push(Operand::Other);
                            }
                        }
                    }
                }
                Some(Token::Operand(Operand::Array(items)))
            }
            b']' => {
                self.pos += 1;
                Some(Token::ArrayEnd)
            }
            b'{' | b'}' | b')' => {
                self.pos += 1;
                Some(Token::Operand(Operand::Other))
            }
            b'+' | b'-' | b'.' | b'0'..=b'9' => {
                let start = self.pos;
                self.skip_regular();
                let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
                Some(Token::Operand(
                    number(text).map_or(Operand::Other, Operand::Number),
                ))
            }
            _ => {
                let start = self.pos;
                self.skip_regular();
                if self.pos == start {
                    self.pos += 1;
                }
                Some(Token::Keyword(&self.bytes[start..self.pos]))
            }
        }
    }

    fn skip_regular(&mut self) {
        while let Some(&b) = self.bytes.get(self.pos) {
            if is_space(b) || is_delimiter(b) {
                break;
            }
            self.pos += 1;
        }
    }

    fn skip_until_dict_end(&mut self, depth: usize) {
        if depth >= MAX_DEPTH {
            return;
        }
        while let Some(token) = self.token(depth + 1) {
            if matches!(token, Token::DictEnd) {
                return;
            }
        }
    }

    /// A literal string, `(` at the current position.
    fn literal(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' if depth == 0 => break,
                b')' => {
                    depth -= 1;
                    out.push(b);
                }
                b'\\' => self.escape(&mut out),
                _ => out.push(b),
            }
        }
        out
    }

    fn escape(&mut self, out: &mut Vec<u8>) {
        let Some(&c) = self.bytes.get(self.pos) else {
            return;
        };
        self.pos += 1;
        match c {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut value = u32::from(c - b'0');
                for _ in 0..2 {
                    match self.bytes.get(self.pos) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            self.pos += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xFF) as u8);
            }
            b'\r' => {
                if self.bytes.get(self.pos) == Some(&b'\n') {
                    self.pos += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
    }

    /// A hex string, `<` at the current position.
    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut nibbles = Vec::new();
        while let Some(&b) = self.bytes.get(self.pos) {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(v) = (b as char).to_digit(16) {
                nibbles.push(v as u8);
            }
        }
        nibbles
            .chunks(2)
            .map(|c| (c[0] << 4) | c.get(1).copied().unwrap_or(0))
            .collect()
    }

    /// Skips an inline image's dictionary and data, up to its `EI`.
    fn skip_inline_image(&mut self) {
        // The dictionary: keys and values up to the `ID` keyword.
        loop {
            match self.token(0) {
                None => return,
                Some(Token::Keyword(b"ID")) => break,
                Some(_) => {}
            }
        }
        self.pos += 1;
        // The data: up to `EI` standing alone between white space.
        while self.pos + 2 <= self.bytes.len() {
            let at = self.pos;
            if self.bytes[at] == b'E'
                && self.bytes[at + 1] == b'I'
                && at > 0
                && is_space(self.bytes[at - 1])
                && self
                    .bytes
                    .get(at + 2)
                    .is_none_or(|b| is_space(*b) || is_delimiter(*b))
            {
                self.pos = at + 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.bytes.len();
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | 0 | 12)
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// A name's bytes with `#xx` escapes decoded.
fn name(raw: &[u8]) -> Vec<u8> {
    if !raw.contains(&b'#') {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let Some(v) = raw
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

/// A PDF number (`12`, `-3.5`, `.5`, `4.`); also the odd `--2` some
/// writers emit, read as `-2`.
fn number(text: &str) -> Option<f64> {
    let trimmed = text.trim_start_matches(['+', '-']);
    let negative = text.len() - trimmed.len() > 0 && text.starts_with('-');
    let value: f64 = if trimmed.starts_with('.') {
        format!("0{trimmed}").parse().ok()?
    } else {
        trimmed
            .trim_end_matches('.')
            .parse()
            .ok()
            .or_else(|| trimmed.parse().ok())?
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn operators(bytes: &[u8]) -> Vec<(String, Vec<Operand>)> {
        let mut lexer = Lexer::new(bytes);
        let mut ops = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lexer.next_operator(&mut ops) {
            out.push((String::from_utf8_lossy(op).into_owned(), ops.clone()));
        }
        out
    }

    #[test]
    fn strings_escapes_numbers_and_skipped_parts() {
        let ops = operators(
            b"/Span <</ActualText (x)>> BDC % comment\n(a\\(b\\)\\101\\\nc) Tj .5 -3. Td \
              BI /W 2 /H 1 ID \x00EI\x01 EI\nq EMC",
        );
        let names: Vec<&str> = ops.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["BDC", "Tj", "Td", "q", "EMC"]);
        assert_eq!(ops[1].1, [Operand::Str(b"a(b)Ac".to_vec())]);
        assert_eq!(ops[2].1, [Operand::Number(0.5), Operand::Number(-3.0)]);
    }
}
