extension StanceAnalysis {
  /// The scores of entity `entity` (a `Gazetteer.entities` index) on every dimension.
  ///
  /// Every entity with a mention in the document has them, zero where no hit counts for it
  /// (`StanceScorer.score(_:mentions:)` guarantees it); asking for another entity is a
  /// programmer error.
  public func scores(for entity: Int) -> [String: StanceScore] {
    guard let scores = entityScores[entity] else {
      preconditionFailure(
        "entity \(entity) has no mention in this analysis (\(entityScores.count) entities)")
    }
    return scores
  }
}
