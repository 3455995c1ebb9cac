/*
 * Maps of member cities, drawn with Leaflet (static/vendor/leaflet) as a progressive
 * enhancement. Each map is an element [data-map] rendered hidden; its markers come from the
 * address in data-markers-url (JSON), or else from the json_script element named by
 * data-map. Without JavaScript, without Leaflet or without markers the map stays hidden;
 * when no tile of the first view loads it is hidden again. The page's list of cities says
 * everything either way.
 */
(function () {
  "use strict";

  function inlineMarkers(element) {
    var source = document.getElementById(element.getAttribute("data-map"));
    if (!source) {
      return [];
    }
    try {
      return JSON.parse(source.textContent);
    } catch (error) {
      return [];
    }
  }

  function drawWithMarkers(element) {
    var url = element.getAttribute("data-markers-url");
    if (!url) {
      drawMap(element, inlineMarkers(element));
      return;
    }
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : [];
      })
      .then(function (markers) {
        drawMap(element, Array.isArray(markers) ? markers : []);
      })
      .catch(function () {
        // No markers, no map: the list of cities says everything.
      });
  }

  function drawMap(element, markers) {
    if (!markers.length) {
      return;
    }
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false, worldCopyJump: true });
    var tiles = L.tileLayer(element.getAttribute("data-tile-url"), {
      maxZoom: 18,
      attribution: element.getAttribute("data-attribution") || "",
    });
    // When not one tile of the first view arrives (tile server unreachable or blocked), a
    // grey box of pins tells nothing: hide the map again and let the list speak.
    var tilesLoaded = 0;
    tiles.on("tileload", function () {
      tilesLoaded += 1;
    });
    tiles.once("load", function () {
      if (!tilesLoaded) {
        map.remove();
        element.hidden = true;
      }
    });
    tiles.addTo(map);

    var points = markers.map(function (city) {
      var marker = L.marker([city.lat, city.lng], { title: city.name, alt: city.name });
      var link = document.createElement("a");
      link.href = city.url;
      link.textContent = city.name;
      marker.bindPopup(link);
      marker.addTo(map);
      return [city.lat, city.lng];
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
    document.querySelectorAll("[data-map]").forEach(drawWithMarkers);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
