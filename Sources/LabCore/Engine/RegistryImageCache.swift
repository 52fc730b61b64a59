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
    /// lines a pull that downloads it prints (the same for every such pull of the reference).
    struct Entry: Sendable {
        let image: LocalImage
        let digest: String
        let layers: [String]
        /// The lines of a pull that downloads the image: where from, each layer's progress, the
        /// digest and the status.
        let downloadLines: [String]
        /// `downloadLines`, each ended by a newline (what `docker run` prints).
        let downloadText: String

        init(name: ImageName, image: LocalImage, digest: String, layers: [String]) {
            self.image = image
            self.digest = digest
            self.layers = layers
            var lines = [(name.tag ?? "latest") + ": Pulling from " + name.remotePath]
            for layer in layers {
                lines += [layer + ": Pulling fs layer", layer + ": Verifying Checksum", layer + ": Download complete", layer + ": Pull complete"]
            }
            lines.append("Digest: " + digest)
            lines.append("Status: Downloaded newer image for " + name.familiar)
            downloadLines = lines
            downloadText = lines.joined(separator: "\n") + "\n"
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
