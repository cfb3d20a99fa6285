"""MT quality scores: sacrebleu metrics and terminology metrics (`mtqa score`)."""
