//! [`LocalEmbedder`] (feature `local-embed`): a sentence-transformers BERT model, such as
//! all-MiniLM-L6-v2, run in process on candle, tokenized by the `tokenizers` crate.

use std::path::{Path, PathBuf};

use candle_core::{DType, Device, Tensor};
use candle_nn::VarBuilder;
use candle_transformers::models::bert::{BertModel, Config};
use serde_json::Value;
use tokenizers::{PaddingParams, PaddingStrategy, Tokenizer, TruncationParams, TruncationStrategy};

use crate::embedder::check_texts;
use crate::{Embedder, Error, Result};

/// Texts per forward pass (sentence-transformers' default `batch_size`).
const BATCH: usize = 32;

/// A sentence-transformers model directory run in process, computing what
/// `SentenceTransformer(dir).encode(texts)` computes: the tokenizer of `tokenizer.json`
/// (truncating to the directory's `max_seq_length`, 256 for all-MiniLM-L6-v2, special
/// tokens included), the BERT of `config.json` and `model.safetensors`, the pooling of the
/// directory's `Pooling` module (mean over the attention mask, or the `[CLS]` token), and
/// L2 normalization when `modules.json` lists a `Normalize` module. On the CPU, in `f32`.
///
/// The model id is `local:NAME`, NAME being the directory's name (for a Hugging Face cache
/// snapshot, `…/models--org--NAME/snapshots/HASH`, the NAME in it), so that a moved
/// directory keeps its vectors comparable; [`with_name`](Self::with_name) sets another.
///
/// ```no_run
/// use memor_embed::{Embedder, LocalEmbedder};
///
/// let embedder = LocalEmbedder::open("/models/all-MiniLM-L6-v2")?;
/// assert_eq!(embedder.model(), "local:all-MiniLM-L6-v2");
/// assert_eq!(embedder.dimensions(), Some(384));
/// let vector = embedder.embed_query("Where did the cat sit?")?;
/// # let _ = vector;
/// # Ok::<(), memor_embed::Error>(())
/// ```
pub struct LocalEmbedder {
    id: String,
    dir: PathBuf,
    tokenizer: Tokenizer,
    bert: BertModel,
    device: Device,
    dimensions: usize,
    pooling: Pooling,
    normalize: bool,
}

/// How token vectors become one text vector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pooling {
    Mean,
    Cls,
}

impl std::fmt::Debug for LocalEmbedder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LocalEmbedder")
            .field("model", &self.id)
            .field("dir", &self.dir)
            .field("dimensions", &self.dimensions)
            .field("pooling", &self.pooling)
            .field("normalize", &self.normalize)
            .finish_non_exhaustive()
    }
}

impl LocalEmbedder {
    /// Loads the sentence-transformers directory `dir` (`config.json`, `model.safetensors`,
    /// `tokenizer.json`, and when present `modules.json`, `sentence_bert_config.json` and
    /// the pooling module's `config.json`).
    pub fn open(dir: impl AsRef<Path>) -> Result<Self> {
        let dir = dir.as_ref().to_path_buf();
        let fail = |message: String| Error::Model { dir: dir.display().to_string(), message };
        let config: Config =
            serde_json::from_value(read_json(&dir, "config.json")?).map_err(|e| fail(format!("config.json: {e}")))?;
        let modules = match optional_json(&dir, "modules.json")? {
            Some(modules) => modules.as_array().cloned().ok_or_else(|| fail("modules.json is not a list".into()))?,
            None => Vec::new(),
        };
        let module_path = |kind: &str| {
            modules
                .iter()
                .find(|m| m.get("type").and_then(Value::as_str).is_some_and(|t| t.ends_with(kind)))
                .map(|m| m.get("path").and_then(Value::as_str).unwrap_or_default().to_owned())
        };
        let (pooling, dimensions) = pooling(&dir, module_path("models.Pooling").as_deref(), &config)?;
        let normalize = module_path("models.Normalize").is_some();
        let max_seq_length = optional_json(&dir, "sentence_bert_config.json")?
            .and_then(|c| c.get("max_seq_length").and_then(Value::as_u64))
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(config.max_position_embeddings)
            .min(config.max_position_embeddings);

        let mut tokenizer =
            Tokenizer::from_file(dir.join("tokenizer.json")).map_err(|e| fail(format!("tokenizer.json: {e}")))?;
        let truncation = TruncationParams {
            max_length: max_seq_length,
            strategy: TruncationStrategy::LongestFirst,
            ..TruncationParams::default()
        };
        tokenizer.with_truncation(Some(truncation)).map_err(|e| fail(format!("tokenizer.json: {e}")))?;
        let padding = tokenizer.get_padding().cloned().unwrap_or_default();
        tokenizer.with_padding(Some(PaddingParams { strategy: PaddingStrategy::BatchLongest, ..padding }));

        let weights =
            std::fs::read(dir.join("model.safetensors")).map_err(|e| fail(format!("model.safetensors: {e}")))?;
        let device = Device::Cpu;
        let vb = VarBuilder::from_buffered_safetensors(weights, DType::F32, &device)
            .map_err(|e| fail(format!("model.safetensors: {e}")))?;
        let bert = BertModel::load(vb, &config).map_err(|e| fail(format!("model.safetensors: {e}")))?;
        Ok(LocalEmbedder {
            id: format!("local:{}", model_name(&dir)),
            dir,
            tokenizer,
            bert,
            device,
            dimensions,
            pooling,
            normalize,
        })
    }

    /// Tags the vectors `local:NAME` instead of the directory's name.
    #[must_use]
    pub fn with_name(mut self, name: &str) -> Self {
        self.id = format!("local:{name}");
        self
    }

    /// The directory the model was loaded from.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn fail(&self, message: impl std::fmt::Display) -> Error {
        Error::Model { dir: self.dir.display().to_string(), message: message.to_string() }
    }

    fn embed_batch(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        let encodings = self.tokenizer.encode_batch(texts.to_vec(), true).map_err(|e| self.fail(e))?;
        let rows = encodings.len();
        let columns = encodings.first().map_or(0, |e| e.len());
        let flat = |f: fn(&tokenizers::Encoding) -> &[u32]| -> Vec<u32> {
            encodings.iter().flat_map(|e| f(e).iter().copied()).collect()
        };
        let tensor = |values: Vec<u32>| Tensor::from_vec(values, (rows, columns), &self.device);
        let run = || -> candle_core::Result<Vec<Vec<f32>>> {
            let ids = tensor(flat(tokenizers::Encoding::get_ids))?;
            let types = tensor(flat(tokenizers::Encoding::get_type_ids))?;
            let mask = tensor(flat(tokenizers::Encoding::get_attention_mask))?;
            let hidden = self.bert.forward(&ids, &types, Some(&mask))?;
            let pooled = match self.pooling {
                Pooling::Cls => hidden.narrow(1, 0, 1)?.squeeze(1)?,
                Pooling::Mean => {
                    let mask = mask.to_dtype(DType::F32)?.unsqueeze(2)?;
                    let sum = hidden.broadcast_mul(&mask)?.sum(1)?;
                    let count = mask.sum(1)?.clamp(1e-9f32, f32::MAX)?;
                    sum.broadcast_div(&count)?
                }
            };
            let pooled = if self.normalize {
                let norm = pooled.sqr()?.sum_keepdim(1)?.sqrt()?.clamp(1e-12f32, f32::MAX)?;
                pooled.broadcast_div(&norm)?
            } else {
                pooled
            };
            pooled.to_vec2::<f32>()
        };
        run().map_err(|e| self.fail(e))
    }
}

impl Embedder for LocalEmbedder {
    fn model(&self) -> &str {
        &self.id
    }

    fn dimensions(&self) -> Option<usize> {
        Some(self.dimensions)
    }

    fn embed(&self, texts: &[&str]) -> Result<Vec<Vec<f32>>> {
        check_texts(texts)?;
        let mut out = Vec::with_capacity(texts.len());
        for batch in texts.chunks(BATCH) {
            out.extend(self.embed_batch(batch)?);
        }
        Ok(out)
    }
}

/// The pooling module's mode and vector length (mean pooling at the hidden size when the
/// directory has no pooling module, as sentence-transformers does then).
fn pooling(dir: &Path, module: Option<&str>, config: &Config) -> Result<(Pooling, usize)> {
    let Some(module) = module else { return Ok((Pooling::Mean, config.hidden_size)) };
    let file = Path::new(module).join("config.json");
    let settings = read_json(dir, &file.to_string_lossy())?;
    let on = |key: &str| settings.get(key).and_then(Value::as_bool).unwrap_or(false);
    let dimensions = settings
        .get("word_embedding_dimension")
        .and_then(Value::as_u64)
        .and_then(|n| usize::try_from(n).ok())
        .unwrap_or(config.hidden_size);
    let modes: Vec<&str> = ["pooling_mode_mean_tokens", "pooling_mode_cls_token", "pooling_mode_max_tokens"]
        .into_iter()
        .chain(["pooling_mode_mean_sqrt_len_tokens", "pooling_mode_weightedmean_tokens", "pooling_mode_lasttoken"])
        .filter(|m| on(m))
        .collect();
    let mode = match modes.as_slice() {
        ["pooling_mode_mean_tokens"] => Pooling::Mean,
        ["pooling_mode_cls_token"] => Pooling::Cls,
        other => {
            return Err(Error::Model {
                dir: dir.display().to_string(),
                message: format!("{}: pooling {other:?} is not supported (mean or cls only)", file.display()),
            });
        }
    };
    Ok((mode, dimensions))
}

fn read_json(dir: &Path, name: &str) -> Result<Value> {
    optional_json(dir, name)?
        .ok_or_else(|| Error::Model { dir: dir.display().to_string(), message: format!("{name} is missing") })
}

fn optional_json(dir: &Path, name: &str) -> Result<Option<Value>> {
    let fail = |message: String| Error::Model { dir: dir.display().to_string(), message };
    match std::fs::read(dir.join(name)) {
        Ok(bytes) => serde_json::from_slice(&bytes).map(Some).map_err(|e| fail(format!("{name}: {e}"))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(fail(format!("{name}: {e}"))),
    }
}

/// The model's name: the directory's, or for a Hugging Face cache snapshot
/// (`models--org--NAME/snapshots/HASH`) the NAME.
fn model_name(dir: &Path) -> String {
    let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    let parent = dir.parent();
    if parent.and_then(name).as_deref() == Some("snapshots") {
        if let Some(repo) = parent.and_then(Path::parent).and_then(name) {
            if let Some(model) = repo.strip_prefix("models--").and_then(|r| r.rsplit("--").next()) {
                return model.to_owned();
            }
        }
    }
    name(&dir).unwrap_or_else(|| "model".to_owned())
}
