//! A minimal sRGB ICC profile (version 2, display class, matrix/TRC), built from the published
//! definition of sRGB (IEC 61966-2-1) rather than copied from a file, so it carries no licence
//! and stays a few kilobytes. PDF/A needs one as the output intent that says what our DeviceRGB
//! colours mean.
//!
//! The profile follows the common sRGB v2 profiles: media white point D65, colorants adapted to
//! the D50 profile connection space with the Bradford transform, and the sRGB tone curve (linear
//! below 0.04045, a 2.4 power above) sampled at 64 points.

/// The profile's description, also the output condition it names.
pub(crate) const DESCRIPTION: &str = "sRGB IEC61966-2.1";

/// CIE xy chromaticities of the sRGB red, green and blue primaries.
const PRIMARIES: [[f64; 2]; 3] = [[0.64, 0.33], [0.30, 0.60], [0.15, 0.06]];
/// CIE xy chromaticity of D65, the sRGB white.
const D65: [f64; 2] = [0.3127, 0.3290];
/// CIE XYZ of D50, the illuminant of the ICC profile connection space.
const D50: [f64; 3] = [0.9642, 1.0, 0.8249];
/// Samples of the tone curve, interpolated linearly by colour management: 64 keep the error
/// under 0.03 of an 8-bit level (1,024 would add 2 KB to every PDF for 0.002).
const CURVE_POINTS: usize = 64;

type Matrix = [[f64; 3]; 3];

fn xyz(xy: [f64; 2]) -> [f64; 3] {
    [xy[0] / xy[1], 1.0, (1.0 - xy[0] - xy[1]) / xy[1]]
}

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    let mut out = [[0.0; 3]; 3];
    for (i, row) in out.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = (0..3).map(|k| a[i][k] * b[k][j]).sum();
        }
    }
    out
}

fn apply(m: &Matrix, v: [f64; 3]) -> [f64; 3] {
    [0, 1, 2].map(|i| (0..3).map(|k| m[i][k] * v[k]).sum())
}

fn invert(m: &Matrix) -> Matrix {
    let det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
        - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
        + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    let c = |r0: usize, r1: usize, c0: usize, c1: usize| {
        (m[r0][c0] * m[r1][c1] - m[r0][c1] * m[r1][c0]) / det
    };
    [
        [c(1, 2, 1, 2), -c(0, 2, 1, 2), c(0, 1, 1, 2)],
        [-c(1, 2, 0, 2), c(0, 2, 0, 2), -c(0, 1, 0, 2)],
        [c(1, 2, 0, 1), -c(0, 2, 0, 1), c(0, 1, 0, 1)],
    ]
}

/// The XYZ (D50) of the red, green and blue colorants, one per column.
fn colorants() -> Matrix {
    // RGB → XYZ (D65): the primaries scaled so that white (1, 1, 1) is D65.
    let p = PRIMARIES.map(xyz);
    let primaries = [0, 1, 2].map(|row| [p[0][row], p[1][row], p[2][row]]);
    let scale = apply(&invert(&primaries), xyz(D65));
    let to_d65 = [0, 1, 2].map(|row| [0, 1, 2].map(|col| primaries[row][col] * scale[col]));
    // Bradford chromatic adaptation D65 → D50.
    const BRADFORD: Matrix = [
        [0.8951, 0.2664, -0.1614],
        [-0.7502, 1.7135, 0.0367],
        [0.0389, -0.0685, 1.0296],
    ];
    let (from, to) = (apply(&BRADFORD, xyz(D65)), apply(&BRADFORD, D50));
    let gain = [
        [to[0] / from[0], 0.0, 0.0],
        [0.0, to[1] / from[1], 0.0],
        [0.0, 0.0, to[2] / from[2]],
    ];
    let adapt = mul(&invert(&BRADFORD), &mul(&gain, &BRADFORD));
    mul(&adapt, &to_d65)
}

/// The sRGB tone curve: encoded value → linear light.
fn decode(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn s15_fixed16(v: f64) -> [u8; 4] {
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz_tag(v: [f64; 3]) -> Vec<u8> {
    let mut out = b"XYZ \0\0\0\0".to_vec();
    for c in v {
        out.extend(s15_fixed16(c));
    }
    out
}

/// A `textDescriptionType` with an ASCII description and empty Unicode and ScriptCode parts.
fn description_tag(text: &str) -> Vec<u8> {
    let mut out = b"desc\0\0\0\0".to_vec();
    out.extend((text.len() as u32 + 1).to_be_bytes());
    out.extend(text.as_bytes());
    out.push(0);
    out.extend([0u8; 4 + 4 + 2 + 1 + 67]);
    out
}

fn text_tag(text: &str) -> Vec<u8> {
    let mut out = b"text\0\0\0\0".to_vec();
    out.extend(text.as_bytes());
    out.push(0);
    out
}

fn curve_tag() -> Vec<u8> {
    let mut out = b"curv\0\0\0\0".to_vec();
    out.extend((CURVE_POINTS as u32).to_be_bytes());
    for i in 0..CURVE_POINTS {
        let linear = decode(i as f64 / (CURVE_POINTS - 1) as f64);
        out.extend(((linear * 65535.0).round() as u16).to_be_bytes());
    }
    out
}

/// The profile's bytes.
pub(crate) fn srgb_profile() -> Vec<u8> {
    let c = colorants();
    let column = |j: usize| [c[0][j], c[1][j], c[2][j]];
    let curve = curve_tag();
    // (signature, data); the three tone curves share one copy.
    let tags: [(&[u8; 4], Vec<u8>); 9] = [
        (b"desc", description_tag(DESCRIPTION)),
        (b"cprt", text_tag("No copyright, use freely")),
        (b"wtpt", xyz_tag(xyz(D65))),
        (b"rXYZ", xyz_tag(column(0))),
        (b"gXYZ", xyz_tag(column(1))),
        (b"bXYZ", xyz_tag(column(2))),
        (b"rTRC", curve.clone()),
        (b"gTRC", Vec::new()),
        (b"bTRC", Vec::new()),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut table = (tags.len() as u32).to_be_bytes().to_vec();
    let mut curve_at = (0, 0);
    for (signature, bytes) in &tags {
        let (offset, size) = if bytes.is_empty() {
            curve_at
        } else {
            while data.len() % 4 != 0 {
                data.push(0);
            }
            let at = (128 + table_len + data.len(), bytes.len());
            data.extend(bytes);
            at
        };
        if *signature == b"rTRC" {
            curve_at = (offset, size);
        }
        table.extend(signature.as_slice());
        table.extend((offset as u32).to_be_bytes());
        table.extend((size as u32).to_be_bytes());
    }
    let size = 128 + table.len() + data.len();
    let mut header = Vec::with_capacity(size);
    header.extend((size as u32).to_be_bytes());
    header.extend([0u8; 4]); // preferred CMM: none
    header.extend([2, 0x10, 0, 0]); // version 2.1
    header.extend(b"mntrRGB XYZ ");
    // Creation date and time: 2000-01-01 00:00:00, fixed so the bytes never change.
    for part in [2000u16, 1, 1, 0, 0, 0] {
        header.extend(part.to_be_bytes());
    }
    header.extend(b"acsp");
    header.extend([0u8; 4 + 4 + 4 + 4 + 8 + 4]); // platform, flags, maker, model, attributes, intent
    for v in D50 {
        header.extend(s15_fixed16(v));
    }
    header.extend([0u8; 4 + 16 + 28]); // creator, profile id, reserved
    header.extend(table);
    header.extend(data);
    header
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colorants_match_the_published_d50_srgb_values() {
        let c = colorants();
        let published = [
            [0.4361, 0.3851, 0.1431],
            [0.2225, 0.7169, 0.0606],
            [0.0139, 0.0971, 0.7141],
        ];
        for (row, expected) in c.iter().zip(published) {
            for (v, e) in row.iter().zip(expected) {
                assert!((v - e).abs() < 0.0005, "{c:?}");
            }
        }
        // The colorants add up to the connection space's white.
        for (row, white) in c.iter().zip(D50) {
            assert!((row.iter().sum::<f64>() - white).abs() < 0.0005);
        }
    }

    #[test]
    fn the_profile_is_well_formed() {
        let icc = srgb_profile();
        assert_eq!(
            u32::from_be_bytes(icc[0..4].try_into().unwrap()) as usize,
            icc.len()
        );
        assert_eq!(&icc[36..40], b"acsp");
        assert_eq!(&icc[12..20], b"mntrRGB ");
        let count = u32::from_be_bytes(icc[128..132].try_into().unwrap()) as usize;
        assert_eq!(count, 9);
        for entry in icc[132..132 + 12 * count].chunks(12) {
            let offset = u32::from_be_bytes(entry[4..8].try_into().unwrap()) as usize;
            let size = u32::from_be_bytes(entry[8..12].try_into().unwrap()) as usize;
            assert_eq!(offset % 4, 0);
            assert!(offset + size <= icc.len(), "{:?}", &entry[0..4]);
        }
        assert!(icc.len() < 3000, "{}", icc.len());
    }
}
