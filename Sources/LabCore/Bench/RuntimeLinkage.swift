/// How the running `lab` carries the Swift runtime, for `lab bench` to say beside its figures:
/// a build with `--static-swift-stdlib` calls the runtime (retain, release, allocation) directly,
/// a default build through the dynamic linker's tables, and the replay figure differs by about 8%.
public enum RuntimeLinkage: String, Sendable {
    case staticLinked = "static (--static-swift-stdlib)"
    case shared = "shared libraries (build with --static-swift-stdlib for the README's figures)"
    case unknown = "unknown"

    /// Read from the process's own memory map (Linux /proc/self/maps): the shared runtime is
    /// there as libswiftCore.so.
    public static func current(maps: String? = ProcFile.text("/proc/self/maps")) -> RuntimeLinkage {
        guard let maps, !maps.isEmpty else { return .unknown }
        return maps.contains("/libswiftCore.so") ? .shared : .staticLinked
    }
}
