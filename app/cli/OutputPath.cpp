#include "cli/OutputPath.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <streambuf>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lockstep::app {

namespace {

// access() asks the kernel with this process's own rights (root, read-only mounts), which the permission bits
// alone do not tell.
bool mayWrite(const QString& path) { return ::access(QFile::encodeName(path).constData(), W_OK) == 0; }

QString errnoText(int e) { return QString::fromLocal8Bit(std::strerror(e)); }

}  // namespace

QString unwritableReason(const QString& path, bool regularOnly) {
    if (path.isEmpty()) return QStringLiteral("the file name is empty");
    const QFileInfo file(path);
    if (file.exists()) {
        if (file.isDir()) return QStringLiteral("it is a directory; give a file name");
        struct stat st {};
        if (regularOnly && ::stat(QFile::encodeName(path).constData(), &st) == 0 && !S_ISREG(st.st_mode) &&
            !S_ISCHR(st.st_mode))
            return QStringLiteral("it is not a regular file (a FIFO or a socket); give a file name");
        if (!mayWrite(path)) return QStringLiteral("permission denied");
        return {};
    }
    if (file.isSymLink()) return QStringLiteral("it is a link to nothing");
    const QString dir = file.absolutePath();
    const QFileInfo parent(dir);
    if (!parent.exists()) return QStringLiteral("no such directory: %1").arg(QDir::toNativeSeparators(dir));
    if (!parent.isDir()) return QStringLiteral("%1 is not a directory").arg(QDir::toNativeSeparators(dir));
    if (!mayWrite(dir)) return QStringLiteral("permission denied in %1").arg(QDir::toNativeSeparators(dir));
    return {};
}

// A stream buffer over a file descriptor that remembers the first write error.
class OutputFile::Buffer : public std::streambuf {
public:
    explicit Buffer(int fd) : fd_(fd), space_(1 << 16) { setp(space_.data(), space_.data() + space_.size()); }
    ~Buffer() override { closeFd(); }

    int closeFd() {
        if (fd_ < 0) return 0;
        flushBuffer();
        if (::close(fd_) != 0 && error_ == 0) error_ = errno;
        fd_ = -1;
        return error_;
    }

protected:
    int_type overflow(int_type c) override {
        if (!flushBuffer()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    int sync() override { return flushBuffer() ? 0 : -1; }

private:
    bool flushBuffer() {
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0 && error_ == 0 && fd_ >= 0) {
            const ssize_t n = ::write(fd_, p, left);
            if (n < 0) {
                if (errno == EINTR) continue;
                error_ = errno;
                break;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(space_.data(), space_.data() + space_.size());
        return error_ == 0;
    }

    int fd_;
    int error_ = 0;
    std::vector<char> space_;
};

OutputFile::OutputFile(const QString& path) {
    const QByteArray name = QFile::encodeName(path);
    int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd < 0) {
        error_ = errno == ENXIO ? QStringLiteral("no program reads from this FIFO") : errnoText(errno);
    } else {
        // Non-blocking was only for the open; the writes may wait for the reader like any pipe's.
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
        buffer_ = std::make_unique<Buffer>(fd);
    }
    stream_ = std::make_unique<std::ostream>(buffer_.get());
}

OutputFile::~OutputFile() = default;

std::ostream& OutputFile::stream() { return *stream_; }

QString OutputFile::close() {
    if (!buffer_) return error_;
    stream_->flush();
    const int e = buffer_->closeFd();
    return e ? errnoText(e) : QString();
}

}  // namespace lockstep::app
