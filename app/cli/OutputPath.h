#pragma once
// Output files (--trace, --export, --screenshot): checked before a run, so a typo in a path costs nothing,
// and opened so that nothing waits forever (a FIFO nobody reads).

#include <QString>

#include <memory>
#include <ostream>

namespace lockstep::app {

// Why `path` cannot be written, e.g. "no such directory: /nonexistent", or an empty string when it can: an
// existing file (not a directory) this process may write, or a new name in an existing directory it may
// write. Nothing is created. A write may still fail later (a full disk); that is reported when it happens.
// With `regularOnly` (images, which Qt's writers open themselves), a FIFO, socket or device is refused too:
// opening one could wait for a reader forever.
QString unwritableReason(const QString& path, bool regularOnly = false);

// A stream to `path` for text such as the Chrome trace. A FIFO is opened without waiting: with no program
// reading it the open fails ("no program reads from this FIFO") instead of blocking; with one, the text goes
// to it as to a file.
class OutputFile {
public:
    // Opens (creating or truncating) `path`; on failure error() says why and the stream discards.
    explicit OutputFile(const QString& path);
    ~OutputFile();
    OutputFile(const OutputFile&) = delete;
    OutputFile& operator=(const OutputFile&) = delete;

    std::ostream& stream();
    // Writes what is buffered and closes; returns an empty string, or why the text did not all arrive.
    QString close();
    // Why the file could not be opened, or empty.
    const QString& error() const { return error_; }

private:
    class Buffer;
    std::unique_ptr<Buffer> buffer_;
    std::unique_ptr<std::ostream> stream_;
    QString error_;
};

}  // namespace lockstep::app
