import Dispatch

extension Array where Element: Sendable {
  /// (public for the I/O layer, which reads files the same way)
  /// `map` on every core, in chunks, keeping the order. `transform` must be pure.
  public func parallelMap<T: Sendable>(chunkSize: Int = 64, _ transform: @Sendable (Element) -> T) -> [T] {
    guard count > chunkSize else { return map(transform) }
    let chunks = (count + chunkSize - 1) / chunkSize
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
    results.initialize(repeating: nil)
    defer {
      results.deinitialize()  // releases what the slots hold: without it every result leaks
      results.deallocate()
    }
    nonisolated(unsafe) let output = results
    self.withUnsafeBufferPointer { input in
      nonisolated(unsafe) let input = input
      DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        let start = chunk * chunkSize
        for index in start..<Swift.min(start + chunkSize, input.count) {
          output[index] = transform(input[index])
        }
      }
    }
    return results.compactMap { $0 }  // every slot was filled above
  }

  /// `parallelMap` for work that can fail: throws the first error, in order.
  public func parallelTryMap<T: Sendable>(chunkSize: Int = 64, _ transform: @Sendable (Element) throws -> T) throws
    -> [T]
  {
    try parallelMap(chunkSize: chunkSize) { element in Result { try transform(element) } }.map { try $0.get() }
  }
}

extension Range where Bound == Int {
  /// Runs `body` on chunks of the range on every core and joins the results in
  /// order; `body` may keep state (scratch buffers) for the length of its chunk.
  func parallelChunks<T: Sendable>(chunkSize: Int, _ body: @Sendable (Range<Int>) -> [T]) -> [T] {
    let chunks = Swift.max(1, (count + chunkSize - 1) / chunkSize)
    let ranges = (0..<chunks).map { chunk in
      (lowerBound + chunk * chunkSize)..<Swift.min(lowerBound + (chunk + 1) * chunkSize, upperBound)
    }
    return ranges.parallelMap(chunkSize: 1) { body($0) }.flatMap { $0 }
  }
}
