//! Content stream bytes, written directly, in the form printpdf 0.12.8 (through lopdf's
//! `Content::encode`) writes its operations: each operand followed by a space, then the operator,
//! a newline between operations; reals in Rust's shortest round-trip form; names, hexadecimal
//! strings and dictionaries as lopdf writes them. The bytes of every PDF stayed the same when the
//! writer stopped building printpdf operations and letting printpdf translate them (building and
//! translating them cost more than everything else of writing a page). One difference since:
//! glyph codes in a row share one string (see [`Writer::code`]).

use std::io::Write;

/// Writes `value` exactly as Rust's `Display` for `f32` (lopdf's format for reals), taking a
/// short cut for the numbers pages are mostly made of: coordinates rounded to 1/1000, below
/// 8192 in size. Such a number is the `f32` nearest to k/1000 for an integer k, and its
/// shortest round-trip form is k/1000 without trailing zeros: any decimal with fewer digits
/// differs from it by at least 0.001, more than an `f32` step there. Formatting floats was a
/// third of the cost of writing a page.
pub(super) fn write_real(out: &mut Vec<u8>, value: f32) {
    if value.is_finite() && value.abs() < 8192.0 {
        let thousandths = (f64::from(value) * 1000.0).round();
        if (thousandths / 1000.0) as f32 == value {
            if value.is_sign_negative() {
                out.push(b'-');
            }
            let thousandths = thousandths.abs() as u32;
            let (whole, fraction) = (thousandths / 1000, thousandths % 1000);
            write_integer(out, u64::from(whole));
            if fraction != 0 {
                let digits = [fraction / 100, fraction / 10 % 10, fraction % 10];
                let len = if digits[2] != 0 {
                    3
                } else if digits[1] != 0 {
                    2
                } else {
                    1
                };
                out.push(b'.');
                out.extend(digits[..len].iter().map(|&d| b'0' + d as u8));
            }
            return;
        }
    }
    let _ = write!(out, "{value}");
}

/// `value` in decimal, as `Display` writes it (core::fmt costs several times more).
pub(super) fn write_signed(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    write_integer(out, value.unsigned_abs());
}

/// `value` in decimal, as `Display` writes it (core::fmt costs several times more).
pub(super) fn write_integer(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

/// A name as lopdf writes it: `/`, then white space, delimiters, `#` and bytes outside `!`–`~`
/// as `#` and two hexadecimal digits.
pub(super) fn write_name(out: &mut Vec<u8>, name: &[u8]) {
    let plain = |byte: u8| {
        (33..=126).contains(&byte)
            && !matches!(
                byte,
                b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%' | b'#'
            )
    };
    out.push(b'/');
    if name.iter().all(|&byte| plain(byte)) {
        out.extend_from_slice(name);
        return;
    }
    for &byte in name {
        if plain(byte) {
            out.push(byte);
        } else {
            out.extend_from_slice(&[
                b'#',
                DIGITS[usize::from(byte >> 4)],
                DIGITS[usize::from(byte & 15)],
            ]);
        }
    }
}

/// Upper-case hexadecimal digits, as lopdf writes them.
const DIGITS: &[u8; 16] = b"0123456789ABCDEF";

/// A hexadecimal string as lopdf writes it: upper-case digits in angle brackets.
pub(super) fn write_hex(out: &mut Vec<u8>, data: &[u8]) {
    out.reserve(2 * data.len() + 2);
    out.push(b'<');
    for &byte in data {
        out.extend_from_slice(&[
            DIGITS[usize::from(byte >> 4)],
            DIGITS[usize::from(byte & 15)],
        ]);
    }
    out.push(b'>');
}

/// `byte` inside a literal string: the delimiters and the escape character escaped, and the
/// end-of-line bytes too, which a reader would otherwise normalise (a bare CR reads as LF).
fn write_literal_byte(out: &mut Vec<u8>, byte: u8) {
    match byte {
        b'(' | b')' | b'\\' => out.extend_from_slice(&[b'\\', byte]),
        b'\r' => out.extend_from_slice(b"\\r"),
        b'\n' => out.extend_from_slice(b"\\n"),
        _ => out.push(byte),
    }
}

/// A content stream being written.
#[derive(Default)]
pub(crate) struct Writer {
    bytes: Vec<u8>,
}

impl Writer {
    /// The stream's bytes.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }

    /// Starts an operation.
    pub fn begin(&mut self) {
        if !self.bytes.is_empty() {
            self.bytes.push(b'\n');
        }
    }

    /// Ends an operation with its operator.
    pub fn end(&mut self, operator: &str) {
        self.bytes.extend_from_slice(operator.as_bytes());
    }

    /// An operation of real operands.
    pub fn op(&mut self, numbers: &[f32], operator: &str) {
        self.begin();
        for &n in numbers {
            self.real(n);
        }
        self.end(operator);
    }

    /// An integer operand.
    pub fn integer(&mut self, value: i64) {
        write_signed(&mut self.bytes, value);
        self.bytes.push(b' ');
    }

    /// A real operand, in Rust's shortest round-trip form as lopdf writes it.
    pub fn real(&mut self, value: f32) {
        write_real(&mut self.bytes, value);
        self.bytes.push(b' ');
    }

    /// A name operand.
    pub fn name(&mut self, name: &[u8]) {
        write_name(&mut self.bytes, name);
        self.bytes.push(b' ');
    }

    /// A marked-content property dictionary operand of one entry.
    pub fn dict(&mut self, key: &str, value: Property<'_>) {
        self.bytes.extend_from_slice(b"<<");
        write_name(&mut self.bytes, key.as_bytes());
        match value {
            Property::Integer(i) => {
                self.bytes.push(b' ');
                write_signed(&mut self.bytes, i);
            }
            Property::Name(name) => write_name(&mut self.bytes, name),
            Property::Hex(data) => write_hex(&mut self.bytes, data),
        }
        self.bytes.extend_from_slice(b">> ");
    }

    /// Starts a `TJ` array: `[`.
    pub fn open_array(&mut self) {
        self.begin();
        self.bytes.push(b'[');
    }

    /// A glyph code in a `TJ` array, as two bytes of a literal string. Codes in a row share
    /// one string (`(ab)`, not `(a)(b)`), and a literal string takes half the bytes of a hex
    /// one (`<00380042>`): less to write and to compress.
    pub fn code(&mut self, code: u16) {
        // Only a code's string ends in `)` here: a string's own `)` is always escaped.
        if self.bytes.last() == Some(&b')') {
            self.bytes.pop();
        } else {
            self.bytes.push(b'(');
        }
        for byte in code.to_be_bytes() {
            write_literal_byte(&mut self.bytes, byte);
        }
        self.bytes.push(b')');
    }

    /// A number in a `TJ` array, after a glyph code.
    pub fn offset(&mut self, offset: f32) {
        self.bytes.push(b' ');
        write_real(&mut self.bytes, offset);
    }

    /// Ends a `TJ` array and the operation.
    pub fn close_array(&mut self) {
        self.bytes.extend_from_slice(b"] TJ");
    }
}

/// The value of a marked-content property.
pub(crate) enum Property<'a> {
    Integer(i64),
    Name(&'a [u8]),
    /// A string, written in hexadecimal.
    Hex(&'a [u8]),
}

#[cfg(test)]
mod tests {
    use super::{Property, Writer, write_real, write_signed};

    #[test]
    fn codes_in_a_row_share_one_string() {
        let mut out = Writer::default();
        out.begin();
        out.name(b"P");
        out.dict("MCID", Property::Integer(-3));
        out.end("BDC");
        out.open_array();
        out.code(0x38);
        out.code(0xABCD);
        out.offset(-1.0);
        out.code(1);
        out.code(2);
        out.close_array();
        assert_eq!(
            out.finish(),
            b"/P <</MCID -3>> BDC\n[(\x008\xAB\xCD) -1(\x00\x01\x00\x02)] TJ"
        );
    }

    #[test]
    fn string_delimiters_escapes_and_line_ends_in_codes_are_escaped() {
        let mut out = Writer::default();
        out.open_array();
        for code in [0x2829, 0x5C0D, 0x0A41] {
            out.code(code);
        }
        out.close_array();
        let written = out.finish();
        assert_eq!(written, b"[(\\(\\)\\\\\\r\\nA)] TJ");
        // An independent reader gets the codes back.
        let content = lopdf::content::Content::decode(&written).unwrap();
        let lopdf::Object::Array(array) = &content.operations[0].operands[0] else {
            panic!("no TJ array: {content:?}");
        };
        assert_eq!(
            array[0].as_str().unwrap(),
            &[0x28, 0x29, 0x5C, 0x0D, 0x0A, 0x41]
        );
    }

    fn written(value: f32) -> String {
        let mut out = Vec::new();
        write_real(&mut out, value);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn integers_are_written_as_rust_displays_them() {
        let values = [0, 1, -1, 9, 10, -10, 65_535, 1 << 40, i64::MAX, i64::MIN];
        for value in values.into_iter().chain((-2_000..2_000).map(|k| k * 997)) {
            let mut out = Vec::new();
            write_signed(&mut out, value);
            assert_eq!(String::from_utf8(out).unwrap(), value.to_string());
        }
    }

    #[test]
    fn reals_are_written_as_rust_displays_them() {
        for k in (-100_000..100_000).chain((-9_000_000..9_000_000).step_by(7)) {
            let value = (f64::from(k) / 1000.0) as f32;
            assert_eq!(written(value), value.to_string(), "{k}");
        }
        for value in [
            0.0,
            -0.0,
            0.1,
            1e-7,
            -3.333_333_3,
            8191.999,
            8192.5,
            1e20,
            0.000_5,
        ] {
            assert_eq!(written(value), value.to_string(), "{value}");
        }
    }
}
