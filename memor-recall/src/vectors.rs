//! Vectors: their bytes in the database, unit length and the dot product.
//!
//! Vectors are stored as little-endian `f32` blobs.

/// `vector` as the bytes stored for it.
#[cfg(feature = "sqlite")]
pub(crate) fn to_blob(vector: &[f32]) -> Vec<u8> {
    vector.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// The vector stored as `blob`, or `None` when its size is not `4 × dims`.
#[cfg(feature = "sqlite")]
pub(crate) fn from_blob(blob: &[u8], dims: usize) -> Option<Vec<f32>> {
    if blob.len() != dims * 4 {
        return None;
    }
    Some(blob.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])).collect())
}

/// `vector` scaled to length 1 (a zero vector stays zero).
pub(crate) fn normalized(vector: &[f32]) -> Vec<f32> {
    let norm = dot(vector, vector).sqrt();
    if norm == 0.0 || !norm.is_finite() {
        return vector.to_vec();
    }
    let inverse = 1.0 / norm;
    vector.iter().map(|x| x * inverse).collect()
}

/// The dot product of two vectors of one length.
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight running sums let the compiler keep them in vector registers.
    let mut sums = [0.0f32; 8];
    let (ca, cb) = (a.chunks_exact(8), b.chunks_exact(8));
    let tail: f32 = ca.remainder().iter().zip(cb.remainder()).map(|(x, y)| x * y).sum();
    for (x, y) in ca.zip(cb) {
        for i in 0..8 {
            sums[i] += x[i] * y[i];
        }
    }
    sums.iter().sum::<f32>() + tail
}

#[cfg(all(test, feature = "sqlite"))]
mod tests {
    use super::*;

    #[test]
    fn blobs_round_trip_and_refuse_other_sizes() {
        let v = vec![0.5f32, -1.25, 3.0];
        assert_eq!(from_blob(&to_blob(&v), 3), Some(v));
        assert_eq!(from_blob(&[0u8; 11], 3), None);
    }
}
