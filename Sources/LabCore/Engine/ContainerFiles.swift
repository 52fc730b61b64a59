/// The files a new container starts with: the directories of a Linux root filesystem, and the
/// files docker writes into every container (/etc/hostname, /etc/hosts, /etc/resolv.conf).
enum ContainerFiles {
    static func base(hostname: String) -> VirtualFileSystem {
        var fs = VirtualFileSystem(empty: ())
        for dir in ["/bin", "/dev", "/etc", "/proc", "/root", "/run", "/sbin", "/sys", "/tmp", "/usr", "/usr/bin", "/usr/local",
                    "/usr/local/bin", "/var", "/var/lib", "/data"] {
            fs.set(.directory, at: dir)
        }
        fs.set(.file("root:x:0:0:root:/root:/bin/sh\n"), at: "/etc/passwd")
        fs.set(.file(hostname + "\n"), at: "/etc/hostname")
        fs.set(.file(""), at: "/dev/null")
        return fs
    }
}

extension VirtualFileSystem {
    /// A filesystem holding only the root directory.
    public init(empty: ()) {
        self.init()
        for path in subtree(at: "/").dropFirst() { try? remove(path, recursive: true) }
    }
}
