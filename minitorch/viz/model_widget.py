"""`explore_model`: the graph of a whole model, grouped by module, with a depth slider; a click on a
module's box opens it, a click on an open module's frame closes it again.

The picture is an SVG in a small anywidget (its front end ships in the Python wheel, so it works offline),
because ipywidgets' own HTML widget cannot report clicks. All decisions are made in Python by
`ModuleView`, which the tests call directly.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from .explore import svg_or_message
from .graph import graph_model
from .grouping import module_depth, module_title
from .modules import tracker_of
from .widgets import _picture_box_class

# The front end: draw the SVG, make the module boxes and open frames clickable, report clicks.
_ESM = """
function render({ model, el }) {
  const draw = () => {
    el.innerHTML = model.get("svg");
    const clickable = model.get("clickable");
    el.querySelectorAll("g.node, g.cluster").forEach((group) => {
      const title = group.querySelector("title");
      const id = title ? title.textContent : "";
      if (!(id in clickable)) return;
      group.style.cursor = "pointer";
      const tip = document.createElementNS("http://www.w3.org/2000/svg", "title");
      tip.textContent = clickable[id];
      group.appendChild(tip);
      group.addEventListener("click", (event) => {
        event.stopPropagation();
        model.set("clicked", id + "|" + Date.now());
        model.save_changes();
      });
    });
  };
  model.on("change:svg", draw);
  model.on("change:clickable", draw);
  draw();
}
export default { render };
"""


@dataclass
class ModuleView:
    """What the widget shows: the roots, the model, the depth and the modules opened by a click."""

    roots: tuple
    model: object
    names: dict | None = None
    depth: int = 1
    expand: set = field(default_factory=set)
    show_grads: bool = False
    show_saved: bool = True
    tracker: object = None  # what track_modules recorded when the view was made (later passes leave it as is)

    def __post_init__(self):
        if self.tracker is None:
            self.tracker = tracker_of(self.model).snapshot()

    def graph(self):
        """The graph model as it is drawn now."""
        return graph_model(*self.roots, names=self.names, show_grads=self.show_grads, show_saved=self.show_saved,
                           model=self.model, depth=self.depth, expand=frozenset(self.expand), tracker=self.tracker)

    def svg(self) -> str:
        """The picture, as inline SVG."""
        return svg_or_message(self.graph())

    def clickable(self) -> dict[str, str]:
        """SVG element id -> tooltip: closed module boxes open, open module frames close."""
        graph = self.graph()
        paths = _paths_of_boxes(graph, self.tracker)
        targets = {box_id: f"click to open {path or 'the model'}" for box_id, path in paths.items()}
        for path in graph.clusters:
            if path in self.expand:
                targets[f"cluster_{path or 'model'}"] = f"click to close {path or 'the model'}"
        return targets

    def click(self, element_id: str) -> None:
        """Open the module whose box was clicked, or close the open module whose frame was clicked."""
        if element_id.startswith("cluster_"):
            path = element_id.removeprefix("cluster_")
            path = "" if path == "model" else path
            self.expand -= {p for p in self.expand if p == path or p.startswith(f"{path}.") or path == ""}
            return
        path = _paths_of_boxes(self.graph(), self.tracker).get(element_id)
        if path is not None:
            self.expand.add(path)

    def max_depth(self) -> int:
        """The depth at which every module is open."""
        return max(module_depth(path) for path in self.tracker.modules) + 1


def _paths_of_boxes(graph, tracker) -> dict[str, str]:
    """Box id -> module path, for the collapsed modules drawn in `graph`."""
    by_title = {module_title(path, module): path for path, module in tracker.modules.items()}
    return {node.id: by_title[node.label] for node in graph.nodes if node.kind == "module" and node.label in by_title}


@functools.lru_cache(maxsize=1)
def _graph_widget_class():
    import anywidget
    import traitlets

    class ModuleGraph(anywidget.AnyWidget):
        """An SVG whose module boxes report clicks."""

        _esm = _ESM
        svg = traitlets.Unicode("").tag(sync=True)
        clickable = traitlets.Dict({}).tag(sync=True)
        clicked = traitlets.Unicode("").tag(sync=True)

    return ModuleGraph


def explore_model(*roots, model, names=None, depth=1, show_grads=False, show_saved=True):
    """A widget on the graph behind `roots`, grouped by the modules of `model` (which must have run after
    `track_modules(model)`): a depth slider, and module boxes that open when clicked. `show_saved=False`
    leaves out the tensors saved for backward (a narrower picture)."""
    import ipywidgets as w

    view = ModuleView(roots, model, names, depth, set(), show_grads, show_saved)
    picture = _graph_widget_class()()
    slider = w.IntSlider(value=depth, min=0, max=view.max_depth(), description="depth",
                         tooltip="how many levels of modules are open")
    reset = w.Button(description="close all", tooltip="close the modules opened by a click")

    def refresh(*_):
        view.depth = slider.value
        with picture.hold_sync():  # the picture and its clickable boxes reach the page in one message
            picture.svg, picture.clickable = view.svg(), view.clickable()
        reset.disabled = not view.expand

    def clicked(change):
        view.click(change["new"].rpartition("|")[0])
        refresh()

    slider.observe(refresh, names="value")
    picture.observe(clicked, names="clicked")
    reset.on_click(lambda _: (view.expand.clear(), refresh()))
    refresh()
    box = _picture_box_class()([w.HBox([slider, reset]), picture])
    box.static_html = picture.svg
    return box
