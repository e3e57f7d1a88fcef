"""课程的检查、构建和发布脚本。

命令入口是 `python -m scripts <命令>`，见 [`scripts.cli`][scripts.cli]。
每个检查是 `scripts.checks` 下的一个模块，只做一件事，输出 `路径:行号: 说明`。
"""
