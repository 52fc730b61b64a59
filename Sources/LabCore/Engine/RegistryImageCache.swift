import Foundation

/// The registry's images by reference, built from the catalogue on first use: what the registry
/// would send for a reference never changes, so `docker pull` and `docker run` need not rebuild
/// its ids and digests each time. Thread-safe and bounded.
final class RegistryImageCache: @unchecked Sendable {
    /// The process-wide cache behind `DockerEngine.registryImage`.
    static let shared = RegistryImageCache(capacity: 1024)

    private let lock = NSLock()
    private var entries: [ImageName: Entry?] = [:]
    private let capacity: Int

    /// A registry image with the manifest digest and layer ids a pull reports for it, and the
    /// progress lines of a pull that downloads it (the same for every pull of the reference).
    struct Entry: Sendable {
        let image: LocalImage
        let digest: String
        let layers: [String]
        /// Each layer's four progress lines.
        let layerLines: [String]
        /// `layerLines` and the digest line, each ended by a newline (what `docker run` prints).
        let layerText: String

        init(image: LocalImage, digest: String, layers: [String]) {
            self.image = image
            self.digest = digest
            self.layers = layers
            layerLines = layers.flatMap { [$0 + ": Pulling fs layer", $0 + ": Verifying Checksum", $0 + ": Download complete", $0 + ": Pull complete"] }
            layerText = (layerLines + ["Digest: " + digest]).joined(separator: "\n") + "\n"
        }
    }

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The entry for `name` (nil: the registry has no such image), from `build` on first use.
    func entry(for name: ImageName, build: () -> Entry?) -> Entry? {
        lock.lock()
        if let hit = entries[name] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let entry = build()
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[name] = entry
        lock.unlock()
        return entry
    }
}
