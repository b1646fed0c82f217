"""How a Module prints: its settings (``extra_repr``) and its children, nested and indented."""


def indent_after_first_line(text, spaces):
    """Indent every line of ``text`` but the first (used to nest a child's repr)."""
    lines = text.split("\n")
    return "\n".join([lines[0]] + [" " * spaces + line for line in lines[1:]])


def module_repr(module):
    """``Name(settings)`` on one line, or one line per setting and per ``(child): ...`` when nested."""
    extra = module.extra_repr()
    extra_lines = extra.split("\n") if extra else []
    child_lines = [f"({name}): {indent_after_first_line(repr(child), 2)}"
                   for name, child in module._modules.items()]
    lines = extra_lines + child_lines
    name = module._get_name()
    if not lines:
        return name + "()"
    if len(extra_lines) == 1 and not child_lines:
        return f"{name}({extra_lines[0]})"
    return name + "(\n  " + "\n  ".join(lines) + "\n)"
