import Foundation
import Glibc

extension FileHandle {
    /// Everything until end of file, read with read(2) and retried when a signal interrupts it:
    /// Foundation's readDataToEndOfFile stops the whole test process on EINTR (a `try!` inside
    /// it), which a run of many child processes at once can meet.
    func readAllRetryingInterrupts() -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fileDescriptor, $0.baseAddress, $0.count) }
            if n > 0 {
                data.append(buffer, count: n)
            } else if n == 0 || errno != EINTR {
                return data
            }
        }
    }
}
