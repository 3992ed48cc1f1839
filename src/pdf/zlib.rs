//! zlib streams compressed by libdeflate, every stream of a PDF at one level: its fastest, 1.
//!
//! Measured on john-doe (classic, 3 pages, 3 faces), whole render, with object streams and font
//! programs at level 1 already: content streams, CMaps and metadata at level 1 instead of 5
//! took 0.97 M fewer instructions (23.42 M -> 22.45 M) for 526 more bytes (34,131 -> 34,657);
//! levels 2, 3 and 4 saved 0.3 M for no fewer bytes than level 1, 6 cost 0.11 M more for
//! 58 bytes less. Font outlines hardly compress at any level (level 4 made john-doe's three
//! faces 2 % smaller than level 1 for 0.8 M more instructions); object streams at level 3 saved
//! 26 bytes for 0.36 M. Against zlib, libdeflate took fewer instructions and made smaller
//! files at each level tried.

use std::cell::RefCell;

use libdeflater::{CompressionLvl, Compressor};

/// libdeflate's level for every stream (see the module documentation).
/// (`CompressionLvl::fastest()` is level 0, which stores the data uncompressed.)
const LEVEL: CompressionLvl = match CompressionLvl::new(1) {
    Ok(level) => level,
    Err(_) => panic!("libdeflate has a level 1"),
};

thread_local! {
    /// This thread's compressor. Making one costs about 36,000 instructions (its static Huffman
    /// codes), and a resume compresses a dozen streams; every call starts afresh, so a reused
    /// compressor gives the same bytes.
    static COMPRESSOR: RefCell<Option<Compressor>> = const { RefCell::new(None) };
}

/// `data` in a zlib container, compressed by libdeflate at [`LEVEL`].
pub(super) fn compress(data: &[u8]) -> Result<Vec<u8>, std::io::Error> {
    COMPRESSOR.with_borrow_mut(|compressor| {
        compress_with(
            compressor.get_or_insert_with(|| Compressor::new(LEVEL)),
            data,
        )
    })
}

fn compress_with(compressor: &mut Compressor, data: &[u8]) -> Result<Vec<u8>, std::io::Error> {
    let mut out = vec![0; compressor.zlib_compress_bound(data.len())];
    let length = compressor
        .zlib_compress(data, &mut out)
        .map_err(|e| std::io::Error::other(format!("compressing a stream: {e:?}")))?;
    out.truncate(length);
    // The buffer was sized for incompressible data; a long document keeps every page's
    // compressed stream until the file is written.
    out.shrink_to_fit();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::{Compressor, LEVEL, compress, compress_with};
    use std::io::Read;

    #[test]
    fn streams_read_back_with_an_independent_inflater() {
        let data: Vec<u8> = (0..50_000u32).map(|i| (i * 7 % 251) as u8).collect();
        let packed = compress(&data).unwrap();
        assert!(packed.len() < data.len() / 2, "{}", packed.len());
        let mut unpacked = Vec::new();
        flate2::read::ZlibDecoder::new(&packed[..])
            .read_to_end(&mut unpacked)
            .unwrap();
        assert_eq!(unpacked, data);
        assert!(compress(&[]).is_ok());
    }

    #[test]
    fn a_reused_compressor_gives_the_bytes_of_a_new_one() {
        let first: Vec<u8> = (0..20_000u32).map(|i| (i * 13 % 97) as u8).collect();
        let second: Vec<u8> = (0..30_000u32).map(|i| (i * 5 % 59) as u8).collect();
        let alone = compress(&first).unwrap();
        compress(&second).unwrap();
        let fresh = {
            let mut compressor = Compressor::new(LEVEL);
            compress_with(&mut compressor, &first).unwrap()
        };
        assert_eq!(compress(&first).unwrap(), alone);
        assert_eq!(fresh, alone);
    }
}
