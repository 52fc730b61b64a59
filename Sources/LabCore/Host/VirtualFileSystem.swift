/// The files of one simulated machine: an in-memory tree keyed by absolute, normalised path.
/// A plain value (copy-on-write dictionary), so forking a lab copies nothing until it changes.
/// Nothing here ever touches the host's own filesystem.
public struct VirtualFileSystem: Codable, Sendable, Equatable {
    /// One entry of the tree.
    public enum Node: Codable, Sendable, Equatable {
        case directory
        case file(String)
    }

    /// Every entry by absolute normalised path ("/" is always a directory).
    public private(set) var nodes: [String: Node]

    /// Directories mounted read-only (a container's `:ro` volumes and binds): writing, creating
    /// or removing anything at or under them fails with `Read-only file system`. nil (the usual
    /// case, and what older saved states decode to) costs one check per write.
    public var readOnlyRoots: [String]?
    /// Directories that stay writable under a read-only root (with `--read-only`, "/" is
    /// read-only but read-write volumes and tmpfs mounts are not): the deepest root that holds a
    /// path decides.
    public var writableRoots: [String]?

    /// Paths whose owner, mode or times a program changed in a container without changing what
    /// they hold (chown, chmod, touch): the container's layer holds them whole (docker diff's C).
    /// The lab keeps no owners or modes, only that they changed; nil when nothing was marked.
    public var metadataChanged: Set<String>?

    /// Files mounted over the tree rather than held in it (docker's own mounts in a container:
    /// /etc/hostname, /etc/hosts and /etc/resolv.conf), by path: read, written and listed as the tree's, but
    /// kept apart, so mounting them copies nothing of a tree shared with the image, and the
    /// container's layer (`docker diff`, a commit, a build step) leaves them out. nil when none.
    public var fileMounts: [String: String]?

    /// A filesystem with the directories a fresh Linux host has.
    public init() {
        nodes = ["/": .directory]
        for dir in ["/root", "/home", "/tmp", "/etc", "/var", "/var/lib", "/var/run", "/usr", "/usr/bin", "/bin", "/dev", "/opt", "/srv", "/mnt"] {
            nodes[dir] = .directory
        }
        nodes["/dev/null"] = .file("")
        nodes["/etc/hostname"] = .file("node1\n")
    }

    /// A filesystem holding only its root directory.
    public init(empty: ()) {
        nodes = ["/": .directory]
    }

    /// Joins `path` onto `cwd` when relative, and resolves `.`, `..` and repeated slashes.
    public static func normalise(_ path: String, cwd: String) -> String {
        if isNormalASCII(path) { return path }
        let joined = path.hasPrefix("/") ? path : (cwd == "/" ? "/" + path : cwd + "/" + path)
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Whether an ASCII path is already absolute and normalised: no empty, `.` or `..` part and no
    /// trailing slash (or just "/"), so `normalise` would give it back unchanged.
    static func isNormalASCII(_ path: String) -> Bool {
        var text = path
        return text.withUTF8 { b in
            guard b.first == UInt8(ascii: "/") else { return false }
            if b.count == 1 { return true }
            var partStart = 1
            var i = 1
            while i <= b.count {
                if i == b.count || b[i] == UInt8(ascii: "/") {
                    let n = i - partStart
                    if n == 0 { return false }
                    if b[partStart] == UInt8(ascii: ".") && (n == 1 || (n == 2 && b[partStart + 1] == UInt8(ascii: "."))) { return false }
                    partStart = i + 1
                } else if b[i] >= 0x80 {
                    return false
                }
                i += 1
            }
            return true
        }
    }

    /// The parent directory of a normalised path ("/" for top-level entries and for "/").
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), path != "/" else { return "/" }
        let p = String(path[..<slash])
        return p.isEmpty ? "/" : p
    }

    /// The last component of a normalised path.
    public static func baseName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The entry at a normalised path, if any.
    public func node(at path: String) -> Node? {
        if let fileMounts, let text = fileMounts[path] { return .file(text) }
        return nodes[path]
    }

    /// Whether a directory exists at the normalised path.
    public func isDirectory(_ path: String) -> Bool { nodes[path] == .directory }

    /// The contents of the regular file at a normalised path, if it is one.
    public func contents(of path: String) -> String? {
        if let fileMounts, let text = fileMounts[path] { return text }
        if case .file(let text)? = nodes[path] { return text }
        return nil
    }

    /// Why a filesystem operation failed, in the words of the C library (strerror).
    public enum Failure: Error, Equatable, Sendable {
        case noSuchFile, notADirectory, isADirectory, fileExists, directoryNotEmpty
        /// Under a read-only mount (EROFS).
        case readOnlyFileSystem

        /// The strerror text coreutils print.
        public var text: String {
            switch self {
            case .noSuchFile: return "No such file or directory"
            case .notADirectory: return "Not a directory"
            case .isADirectory: return "Is a directory"
            case .fileExists: return "File exists"
            case .directoryNotEmpty: return "Directory not empty"
            case .readOnlyFileSystem: return "Read-only file system"
            }
        }
    }

    /// Writes (or appends to) a regular file; its parent directory must exist.
    public mutating func write(_ text: String, to path: String, append: Bool = false) throws(Failure) {
        if let old = fileMounts?[path] {
            fileMounts![path] = append ? old + text : text
            return
        }
        if readOnlyRoots != nil, isReadOnly(path) { throw nodes[Self.parent(of: path)] == nil ? .noSuchFile : .readOnlyFileSystem }
        let parent = Self.parent(of: path)
        guard let p = nodes[parent] else { throw .noSuchFile }
        guard p == .directory else { throw .notADirectory }
        switch nodes[path] {
        case .directory?: throw .isADirectory
        case .file(let old)? where append: nodes[path] = .file(old + text)
        default: nodes[path] = .file(text)
        }
    }

    /// Creates a directory (and, with `parents`, every missing ancestor, like `mkdir -p`).
    public mutating func makeDirectory(_ path: String, parents: Bool = false) throws(Failure) {
        if readOnlyRoots != nil, isReadOnly(path), nodes[path] == nil, nodes[Self.parent(of: path)] != nil { throw .readOnlyFileSystem }
        if let existing = nodes[path] {
            if parents && existing == .directory { return }
            throw .fileExists
        }
        let parent = Self.parent(of: path)
        switch nodes[parent] {
        case .directory?: break
        case .file?: throw .notADirectory
        case nil:
            guard parents else { throw .noSuchFile }
            try makeDirectory(parent, parents: true)
        }
        nodes[path] = .directory
    }

    /// The names directly inside a directory, sorted as `ls` sorts them in the C locale.
    public func children(of directory: String) -> [String] {
        let prefix = directory == "/" ? "/" : directory + "/"
        let p = Array(prefix.utf8)
        // Plain ASCII (no CR) is compared byte for byte: there every character is one byte.
        let plain = p.allSatisfy { $0 < 0x80 && $0 != 13 }
        var names: [String] = []
        for key in nodes.keys {
            if plain {
                var k = key
                let (isPlain, name) = k.withUTF8 { b -> (Bool, String?) in
                    if b.contains(where: { $0 >= 0x80 || $0 == 13 }) { return (false, nil) }
                    guard b.count > p.count, b.starts(with: p) else { return (true, nil) }
                    let rest = UnsafeBufferPointer(rebasing: b[p.count...])
                    return (true, rest.contains(UInt8(ascii: "/")) ? nil : String(decoding: rest, as: UTF8.self))
                }
                if isPlain {
                    if let name { names.append(name) }
                    continue
                }
            }
            guard key.count > prefix.count && key.hasPrefix(prefix) else { continue }
            let rest = key.dropFirst(prefix.count)
            if !rest.contains("/") { names.append(String(rest)) }
        }
        if let fileMounts {
            for key in fileMounts.keys where key.hasPrefix(prefix) && !key.dropFirst(prefix.count).contains("/") {
                let name = String(key.dropFirst(prefix.count))
                if !names.contains(name) { names.append(name) }
            }
        }
        return Self.sortedByUTF8(names)
    }

    /// Names in byte order. Each is compared first by its first eight bytes packed in a number
    /// (which decides almost every pair at once), then byte by byte when those are equal.
    static func sortedByUTF8(_ names: [String]) -> [String] {
        if names.count < 2 { return names }
        var keyed = names.map { (key: prefixKey($0), name: $0) }
        keyed.sort { $0.key != $1.key ? $0.key < $1.key : $0.name.utf8Precedes($1.name) }
        return keyed.map(\.name)
    }

    /// The first eight bytes of `name`, big-endian, zero-padded: ordered as the bytes are.
    static func prefixKey(_ name: String) -> UInt64 {
        var key: UInt64 = 0
        var n = 0
        for b in name.utf8 {
            if n == 8 { break }
            key = key << 8 | UInt64(b)
            n += 1
        }
        return n == 8 ? key : key << UInt64(8 * (8 - n))
    }

    /// Removes an entry; a directory goes with everything inside it only when `recursive`.
    public mutating func remove(_ path: String, recursive: Bool = false) throws(Failure) {
        if fileMounts?[path] != nil {
            fileMounts![path] = nil
            if fileMounts!.isEmpty { fileMounts = nil }
            return
        }
        if readOnlyRoots != nil, isReadOnly(path), nodes[path] != nil { throw .readOnlyFileSystem }
        guard let node = nodes[path] else { throw .noSuchFile }
        if node == .directory {
            let prefix = path == "/" ? "/" : path + "/"
            let inside = nodes.keys.filter { $0.hasPrefix(prefix) }
            if !inside.isEmpty && !recursive { throw .directoryNotEmpty }
            for key in inside { nodes[key] = nil }
        }
        nodes[path] = nil
    }

    /// Every path at or under `path` (itself first), for copying and moving trees.
    public func subtree(at path: String) -> [String] {
        guard nodes[path] != nil else { return [] }
        let prefix = path == "/" ? "/" : path + "/"
        return [path] + nodes.keys.filter { $0 != path && $0.hasPrefix(prefix) }.sorted()
    }

    /// Sets an entry directly (used when copying trees; the caller keeps the tree consistent).
    public mutating func set(_ node: Node?, at path: String) {
        if fileMounts?[path] != nil, case .file(let text)? = node {
            fileMounts![path] = text
            return
        }
        nodes[path] = node
    }

    /// Mounts a file over the tree at `path` (see `fileMounts`).
    public mutating func mount(_ text: String, at path: String) {
        // A container's three (hostname, hosts, resolv.conf) fit without growing the map.
        if fileMounts == nil { fileMounts = Dictionary(minimumCapacity: 3) }
        fileMounts![path] = text
    }

    /// Marks an existing entry (and with `recursive` everything under it) as having a changed
    /// owner, mode or time (see `metadataChanged`).
    public mutating func markMetadataChanged(_ path: String, recursive: Bool) {
        let paths = recursive ? subtree(at: path) : (nodes[path] == nil ? [] : [path])
        guard !paths.isEmpty else { return }
        metadataChanged = (metadataChanged ?? []).union(paths)
    }

    /// Whether `path` is at or under one of `readOnlyRoots`.
    public func isReadOnly(_ path: String) -> Bool {
        guard let roots = readOnlyRoots else { return false }
        func holds(_ root: String) -> Bool { path == root || root == "/" || (path.hasPrefix(root) && path.utf8.dropFirst(root.utf8.count).first == 47) }
        guard let writable = writableRoots else { return roots.contains(where: holds) }
        let deepestReadOnly = roots.filter(holds).map(\.utf8.count).max() ?? -1
        let deepestWritable = writable.filter(holds).map(\.utf8.count).max() ?? -1
        return deepestReadOnly > deepestWritable
    }
}
