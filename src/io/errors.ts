/** Why a file could not be written, in words for people. */
export function writeErrorReason(e: unknown): string {
  switch ((e as NodeJS.ErrnoException)?.code) {
    case 'EACCES':
    case 'EPERM':
      return '没有写入权限';
    case 'EROFS':
      return '文件所在的磁盘是只读的';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EDQUOT':
      return '磁盘配额已满';
    case 'ENOENT':
      return '文件已不存在';
    case 'EBUSY':
      return '文件正被其他程序占用';
    case 'ENOTDIR':
      return '路径中有一部分是文件，不是文件夹';
    case 'EISDIR':
      return '这是一个文件夹';
    default:
      return e instanceof Error ? e.message : String(e);
  }
}
