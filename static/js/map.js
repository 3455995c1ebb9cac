/*
 * A tile map in place of the SVG map of member cities, only where a deployment sets
 * MAP_TILE_URL (the figure then carries data-tile-url, and Leaflet is loaded). The SVG map
 * (templates/cities/includes/map.html) is complete without this script: its marks are links
 * with names. This draws the same marks (their data-lat and data-lng) on tiles, zoomable,
 * and shows it over the SVG once a tile has loaded; when none loads, the tile map is removed
 * and the SVG map stays.
 */
(function () {
  "use strict";

  function marksOf(figure) {
    return Array.prototype.map.call(figure.querySelectorAll(".map-mark"), function (link) {
      var title = link.querySelector("title");
      var number = link.querySelector("text");
      return {
        lat: parseFloat(link.getAttribute("data-lat")),
        lng: parseFloat(link.getAttribute("data-lng")),
        url: link.getAttribute("href"),
        name: title ? title.textContent : "",
        count: number ? number.textContent : "",
      };
    });
  }

  function icon(mark) {
    var element = document.createElement("span");
    element.textContent = mark.count;
    return L.divIcon({
      className: mark.count ? "map-pin map-pin-group" : "map-pin",
      html: element,
      iconSize: mark.count ? [24, 24] : [16, 16],
    });
  }

  function draw(figure) {
    var svg = figure.querySelector(".map-svg");
    var marks = marksOf(figure);
    if (!svg || !marks.length) {
      return;
    }
    var box = document.createElement("div");
    box.className = "map-tiles";
    figure.insertBefore(box, svg);
    var map = L.map(box, { scrollWheelZoom: false, worldCopyJump: true, zoomControl: false });
    // The zoom buttons' names in the page's language (the template gives them).
    L.control
      .zoom({
        zoomInTitle: figure.getAttribute("data-zoom-in") || "Zoom in",
        zoomOutTitle: figure.getAttribute("data-zoom-out") || "Zoom out",
      })
      .addTo(map);
    var tiles = L.tileLayer(figure.getAttribute("data-tile-url"), {
      maxZoom: 18,
      attribution: figure.getAttribute("data-attribution") || "",
    });
    var shown = false;
    tiles.on("tileload", function () {
      if (!shown) {
        shown = true;
        figure.classList.add("map-has-tiles");
      }
    });
    tiles.once("load", function () {
      if (!shown) {
        map.remove();
        box.remove();
      }
    });
    tiles.addTo(map);
    var points = marks.map(function (mark) {
      L.marker([mark.lat, mark.lng], { icon: icon(mark), title: mark.name, alt: mark.name })
        .on("click", function () {
          window.location.href = mark.url;
        })
        .addTo(map);
      return [mark.lat, mark.lng];
    });
    if (points.length === 1) {
      map.setView(points[0], 9);
    } else {
      map.fitBounds(points, { padding: [24, 24], maxZoom: 9 });
    }
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    document.querySelectorAll(".map[data-tile-url]").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
