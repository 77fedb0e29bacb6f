// Node fs errors as messages a non-programmer can act on, in both languages.
export type FileError = { code: string; zh: string; en: string };

export function fsError(err: unknown): FileError {
  const e = err as NodeJS.ErrnoException;
  const code = typeof e?.code === 'string' ? e.code : 'EUNKNOWN';
  switch (code) {
    case 'ENOENT':
      return { code, zh: '文件或目录不存在（或符号链接指向的目标不存在）', en: 'No such file or directory (or the symlink target is missing)' };
    case 'EACCES':
    case 'EPERM':
      return { code, zh: '没有权限读取或写入', en: 'Permission denied' };
    case 'EISDIR':
      return { code, zh: '这是一个目录，不是文件', en: 'This is a directory, not a file' };
    case 'ENOTDIR':
      return { code, zh: '路径中的某一部分不是目录', en: 'A component of the path is not a directory' };
    case 'ELOOP':
      return { code, zh: '符号链接层级过多（可能存在循环）', en: 'Too many levels of symbolic links (possibly a loop)' };
    case 'EMFILE':
    case 'ENFILE':
      return { code, zh: '同时打开的文件过多', en: 'Too many open files' };
    case 'ENAMETOOLONG':
      return { code, zh: '路径过长（目录层级太深或文件名太长），已跳过', en: 'Path too long (folders nested too deep or name too long); skipped' };
    case 'ENOSPC':
    case 'EDQUOT':
      return { code, zh: '磁盘空间不足（或超出配额）', en: 'No space left on the device (or quota exceeded)' };
    case 'EROFS':
      return { code, zh: '文件所在的文件系统是只读的', en: 'The file system is read-only' };
    case 'EFBIG':
      return { code, zh: '文件超出文件系统允许的大小', en: 'File larger than the file system allows' };
    case 'EIO':
      return { code, zh: '读写设备出错（I/O 错误）', en: 'Input/output error on the device' };
    default: {
      const detail = e instanceof Error ? e.message : String(err);
      return { code, zh: `无法访问：${detail}`, en: `Cannot access: ${detail}` };
    }
  }
}
